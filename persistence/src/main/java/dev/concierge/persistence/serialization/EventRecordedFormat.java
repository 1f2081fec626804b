package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventRecorded;
import java.util.Map;

/**
 * The journal event. Version 3: the customer event as {@link PartsV4} lays it out (a merge's
 * {@code fromCustomerId}, an item only for interactions), the nullable category, then the nullable Kafka
 * source ({@link PartsV3}). Version 2 had {@link PartsV1}'s event, which always had an item; version 1
 * had no source either, and its rows read with none, as events that did not come from Kafka.
 */
final class EventRecordedFormat extends VersionedFormat<EventRecorded> {

  private static final int V1 = 1;
  private static final int V2 = 2;
  private static final int V3 = 3;

  EventRecordedFormat() {
    super(EventRecorded.class, V3, Map.of(
        V1, EventRecordedFormat::readV1, V2, EventRecordedFormat::readV2, V3, EventRecordedFormat::readV3));
  }

  @Override
  void writeCurrent(Output output, EventRecorded recorded) {
    PartsV5.writeEvent(output, recorded.event());
    FieldEncoding.writeNullable(output, recorded.category(), Output::writeString);
    FieldEncoding.writeNullable(output, recorded.source(), PartsV3::writeSource);
  }

  private static EventRecorded readV1(Input input) {
    return new EventRecorded(PartsV1.readEvent(input), FieldEncoding.readNullable(input, Input::readString));
  }

  private static EventRecorded readV2(Input input) {
    CustomerEvent event = PartsV1.readEvent(input);
    String category = FieldEncoding.readNullable(input, Input::readString);
    return new EventRecorded(event, category, FieldEncoding.readNullable(input, PartsV3::readSource));
  }

  private static EventRecorded readV3(Input input) {
    CustomerEvent event = PartsV5.readEvent(input);
    String category = FieldEncoding.readNullable(input, Input::readString);
    return new EventRecorded(event, category, FieldEncoding.readNullable(input, PartsV3::readSource));
  }
}
