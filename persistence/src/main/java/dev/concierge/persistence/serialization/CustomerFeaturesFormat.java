package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.CustomerFeatures;
import java.util.Map;

/**
 * A customer's features, as a reply and inside snapshots. Version 2: {@link PartsV2}'s features;
 * version 1 ({@link PartsV1}) still reads, with the parts it did not know left empty.
 */
final class CustomerFeaturesFormat extends VersionedFormat<CustomerFeatures> {

  private static final int V1 = 1;
  private static final int V2 = 2;

  CustomerFeaturesFormat() {
    super(CustomerFeatures.class, V2, Map.of(V1, PartsV1::readFeatures, V2, PartsV2::readFeatures));
  }

  @Override
  void writeCurrent(Output output, CustomerFeatures features) {
    PartsV2.writeFeatures(output, features);
  }
}
