package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.CustomerFeatures;
import java.util.Map;

/** A customer's features, as a reply and wherever they are stored. Version 1: {@link PartsV1}'s features. */
final class CustomerFeaturesFormat extends VersionedFormat<CustomerFeatures> {

  private static final int V1 = 1;

  CustomerFeaturesFormat() {
    super(CustomerFeatures.class, V1, Map.of(V1, PartsV1::readFeatures));
  }

  @Override
  void writeCurrent(Output output, CustomerFeatures features) {
    PartsV1.writeFeatures(output, features);
  }
}
