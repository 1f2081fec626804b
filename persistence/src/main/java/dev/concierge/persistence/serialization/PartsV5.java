package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.CustomerEvent;

/**
 * Version 5 of the persisted parts: the event of a merge, which has a {@code fromCustomerId} and no item.
 * The event's item became nullable and the other customer follows the context; the rest is laid out as
 * {@link PartsV1} laid it out. Never change a layout here; see {@link PartsV1}.
 */
final class PartsV5 {

  private PartsV5() {}

  static void writeEvent(Output output, CustomerEvent event) {
    output.writeString(event.eventId());
    output.writeString(event.customerId());
    FieldEncoding.writeEventType(output, event.type());
    FieldEncoding.writeNullable(output, event.itemId(), Output::writeString);
    FieldEncoding.writeInstant(output, event.timestamp());
    FieldEncoding.writeNullable(output, event.price(), Output::writeDouble);
    output.writeVarInt(event.quantity(), true);
    FieldEncoding.writeNullable(output, event.sessionId(), Output::writeString);
    FieldEncoding.writeSortedMap(output, event.context(), Output::writeString);
    FieldEncoding.writeNullable(output, event.fromCustomerId(), Output::writeString);
  }

  static CustomerEvent readEvent(Input input) {
    return new CustomerEvent(
        input.readString(),
        input.readString(),
        FieldEncoding.readEventType(input),
        FieldEncoding.readNullable(input, Input::readString),
        FieldEncoding.readInstant(input),
        FieldEncoding.readNullable(input, Input::readDouble),
        input.readVarInt(true),
        FieldEncoding.readNullable(input, Input::readString),
        FieldEncoding.readMap(input, Input::readString),
        FieldEncoding.readNullable(input, Input::readString));
  }
}
