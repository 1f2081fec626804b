package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.EventRecorded;
import java.util.Map;

/** The journal event. Version 1: the customer event, then the nullable category. */
final class EventRecordedFormat extends VersionedFormat<EventRecorded> {

  private static final int V1 = 1;

  EventRecordedFormat() {
    super(EventRecorded.class, V1, Map.of(V1, EventRecordedFormat::readV1));
  }

  @Override
  void writeCurrent(Output output, EventRecorded recorded) {
    PartsV1.writeEvent(output, recorded.event());
    FieldEncoding.writeNullable(output, recorded.category(), Output::writeString);
  }

  private static EventRecorded readV1(Input input) {
    return new EventRecorded(PartsV1.readEvent(input), FieldEncoding.readNullable(input, Input::readString));
  }
}
