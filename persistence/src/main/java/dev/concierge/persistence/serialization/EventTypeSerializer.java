package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.EventType;

/** An event type by its wire name, not its ordinal, so reordering the enum changes no message. */
final class EventTypeSerializer extends Serializer<EventType> {

  EventTypeSerializer() {
    super(false, true);
  }

  @Override
  public void write(Kryo kryo, Output output, EventType type) {
    FieldEncoding.writeEventType(output, type);
  }

  @Override
  public EventType read(Kryo kryo, Input input, Class<? extends EventType> type) {
    return FieldEncoding.readEventType(input);
  }
}
