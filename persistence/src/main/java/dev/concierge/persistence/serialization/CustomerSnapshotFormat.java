package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.CustomerSnapshot;
import dev.concierge.models.EventIdWindow;
import java.util.List;
import java.util.Map;

/**
 * The snapshot. Version 2: the features ({@link PartsV2}), then the dedupe window's event-id keys,
 * oldest first. Version 1 held version 1 features and the event ids themselves; they read into keys.
 */
final class CustomerSnapshotFormat extends VersionedFormat<CustomerSnapshot> {

  private static final int V1 = 1;
  private static final int V2 = 2;

  CustomerSnapshotFormat() {
    super(CustomerSnapshot.class, V2, Map.of(V1, CustomerSnapshotFormat::readV1, V2, CustomerSnapshotFormat::readV2));
  }

  @Override
  void writeCurrent(Output output, CustomerSnapshot snapshot) {
    PartsV2.writeFeatures(output, snapshot.features());
    PartsV2.writeLongs(output, snapshot.recentEventKeys());
  }

  private static CustomerSnapshot readV1(Input input) {
    CustomerFeatures features = PartsV1.readFeatures(input);
    List<Long> keys = FieldEncoding.readStrings(input).stream().map(EventIdWindow::keyOf).toList();
    return new CustomerSnapshot(features, keys);
  }

  private static CustomerSnapshot readV2(Input input) {
    return new CustomerSnapshot(PartsV2.readFeatures(input), PartsV2.readLongs(input));
  }
}
