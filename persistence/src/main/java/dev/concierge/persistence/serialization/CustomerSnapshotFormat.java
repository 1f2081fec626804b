package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.CustomerSnapshot;
import java.util.Map;

/** The snapshot. Version 1: the features, then the dedupe window's event ids, oldest first. */
final class CustomerSnapshotFormat extends VersionedFormat<CustomerSnapshot> {

  private static final int V1 = 1;

  CustomerSnapshotFormat() {
    super(CustomerSnapshot.class, V1, Map.of(V1, CustomerSnapshotFormat::readV1));
  }

  @Override
  void writeCurrent(Output output, CustomerSnapshot snapshot) {
    PartsV1.writeFeatures(output, snapshot.features());
    FieldEncoding.writeStrings(output, snapshot.recentEventIds());
  }

  private static CustomerSnapshot readV1(Input input) {
    return new CustomerSnapshot(PartsV1.readFeatures(input), FieldEncoding.readStrings(input));
  }
}
