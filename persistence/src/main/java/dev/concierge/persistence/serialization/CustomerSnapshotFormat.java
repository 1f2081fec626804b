package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.CustomerSnapshot;
import dev.concierge.models.EventIdWindow;
import dev.concierge.models.KafkaSource;
import dev.concierge.models.TriggerMemory;
import java.util.List;
import java.util.Map;

/**
 * The snapshot. Version 5: the features ({@link PartsV2}), the dedupe window's event-id keys oldest
 * first, the highest persisted offset per partition ({@link PartsV3}), what the delivery triggers
 * remember ({@link PartsV4}), then the customers whose history was merged in and those a merge still
 * awaits, each oldest first. Version 4 had no merges (its snapshots read with none), version 3 no
 * triggers either (read with none remembered). Version 2 had no offsets,
 * and version 1 held version 1 features and the event ids themselves (they read into keys); both read
 * with no offsets, so such a customer dedupes by its window alone until it persists an event from Kafka.
 */
final class CustomerSnapshotFormat extends VersionedFormat<CustomerSnapshot> {

  private static final int V1 = 1;
  private static final int V2 = 2;
  private static final int V3 = 3;
  private static final int V4 = 4;
  private static final int V5 = 5;

  CustomerSnapshotFormat() {
    super(CustomerSnapshot.class, V5, Map.of(
        V1, CustomerSnapshotFormat::readV1, V2, CustomerSnapshotFormat::readV2, V3, CustomerSnapshotFormat::readV3,
        V4, CustomerSnapshotFormat::readV4, V5, CustomerSnapshotFormat::readV5));
  }

  @Override
  void writeCurrent(Output output, CustomerSnapshot snapshot) {
    PartsV2.writeFeatures(output, snapshot.features());
    PartsV2.writeLongs(output, snapshot.recentEventKeys());
    PartsV3.writeSources(output, snapshot.highestOffsets());
    PartsV4.writeMemory(output, snapshot.triggers());
    FieldEncoding.writeStrings(output, snapshot.mergedFrom());
    FieldEncoding.writeStrings(output, snapshot.pendingMerges());
  }

  private static CustomerSnapshot readV1(Input input) {
    CustomerFeatures features = PartsV1.readFeatures(input);
    List<Long> keys = FieldEncoding.readStrings(input).stream().map(EventIdWindow::keyOf).toList();
    return new CustomerSnapshot(features, keys, List.of());
  }

  private static CustomerSnapshot readV2(Input input) {
    return new CustomerSnapshot(PartsV2.readFeatures(input), PartsV2.readLongs(input), List.of());
  }

  private static CustomerSnapshot readV3(Input input) {
    CustomerFeatures features = PartsV2.readFeatures(input);
    List<Long> keys = PartsV2.readLongs(input);
    return new CustomerSnapshot(features, keys, PartsV3.readSources(input));
  }

  private static CustomerSnapshot readV4(Input input) {
    CustomerFeatures features = PartsV2.readFeatures(input);
    List<Long> keys = PartsV2.readLongs(input);
    List<KafkaSource> offsets = PartsV3.readSources(input);
    return new CustomerSnapshot(features, keys, offsets, List.of(), List.of(), PartsV4.readMemory(input));
  }

  private static CustomerSnapshot readV5(Input input) {
    CustomerFeatures features = PartsV2.readFeatures(input);
    List<Long> keys = PartsV2.readLongs(input);
    List<KafkaSource> offsets = PartsV3.readSources(input);
    TriggerMemory triggers = PartsV4.readMemory(input);
    List<String> merged = FieldEncoding.readStrings(input);
    return new CustomerSnapshot(features, keys, offsets, merged, FieldEncoding.readStrings(input), triggers);
  }
}
