package dev.concierge.engine.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class IngestionSettingsTest {

  @Test
  void aCustomersCommandMayHoldMoreEventsThanTheDedupeWindowSinceItsOffsetsRecogniseItWhole() {
    Config concierge = ConfigFactory.parseString("ingestion.max-events-per-customer = 64, customer.dedupe-window = 32")
        .withFallback(ConfigFactory.load().getConfig("concierge"));

    assertEquals(64, IngestionSettings.fromConfig(concierge).maxEventsPerCustomer());
  }
}
