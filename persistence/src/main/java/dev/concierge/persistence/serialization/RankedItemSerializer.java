package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.RankedItem;
import java.util.List;

/**
 * A ranked item, ten of which are in every decision's reply, without reflection. It writes exactly the
 * bytes of Kryo's own record serializer, which nodes of earlier builds use for it: the components in
 * name order ({@code itemId}, {@code reasons}, {@code score}), the string as Kryo writes a final type, the
 * list as Kryo's collection serializer writes it with its class, the double as 8 bytes. So nodes of both
 * builds read each other's replies.
 */
final class RankedItemSerializer extends Serializer<RankedItem> {

  // CollectionSerializer's layout: size + 1 (1 alone for an empty list), flagged when the elements share
  // one class, which then follows once; for the JDK's immutable lists it writes no null flag
  private static final int EMPTY_LIST = 1;
  private static final boolean ONE_ELEMENT_CLASS = true;

  RankedItemSerializer() {
    super(false, true);
  }

  @Override
  public void write(Kryo kryo, Output output, RankedItem item) {
    output.writeString(item.itemId());
    writeReasons(kryo, output, item.reasons());
    output.writeDouble(item.score());
  }

  @Override
  @SuppressWarnings("unchecked")
  public RankedItem read(Kryo kryo, Input input, Class<? extends RankedItem> type) {
    String itemId = input.readString();
    List<String> reasons = (List<String>) kryo.readClassAndObject(input);
    return new RankedItem(itemId, input.readDouble(), reasons);
  }

  // what kryo.writeClassAndObject writes for the immutable list of strings that RankedItem keeps, without
  // the generic machinery that took most of a reply's writing time
  private static void writeReasons(Kryo kryo, Output output, List<String> reasons) {
    kryo.writeClass(output, reasons.getClass());
    if (reasons.isEmpty()) {
      output.writeVarInt(EMPTY_LIST, true);
      return;
    }
    output.writeVarIntFlag(ONE_ELEMENT_CLASS, reasons.size() + 1, true);
    kryo.writeClass(output, String.class);
    for (String reason : reasons) {
      output.writeString(reason);
    }
  }
}
