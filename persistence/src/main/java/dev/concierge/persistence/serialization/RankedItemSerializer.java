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
 * list with its class, the double as 8 bytes. So nodes of both builds read each other's replies.
 */
final class RankedItemSerializer extends Serializer<RankedItem> {

  RankedItemSerializer() {
    super(false, true);
  }

  @Override
  public void write(Kryo kryo, Output output, RankedItem item) {
    output.writeString(item.itemId());
    kryo.writeClassAndObject(output, item.reasons());
    output.writeDouble(item.score());
  }

  @Override
  @SuppressWarnings("unchecked")
  public RankedItem read(Kryo kryo, Input input, Class<? extends RankedItem> type) {
    String itemId = input.readString();
    List<String> reasons = (List<String>) kryo.readClassAndObject(input);
    return new RankedItem(itemId, input.readDouble(), reasons);
  }
}
