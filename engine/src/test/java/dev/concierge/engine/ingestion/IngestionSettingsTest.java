package dev.concierge.engine.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class IngestionSettingsTest {

  @Test
  void theDefaultsKeepACustomersCommandWithinItsDedupeWindow() {
    Config concierge = ConfigFactory.load().getConfig("concierge");

    IngestionSettings settings = IngestionSettings.fromConfig(concierge);

    assertTrue(settings.maxEventsPerCustomer() <= concierge.getInt("customer.dedupe-window"));
  }

  @Test
  void moreEventsPerCommandThanTheDedupeWindowHoldsAreRefused() {
    Config concierge = ConfigFactory.parseString("ingestion.max-events-per-customer = 33, customer.dedupe-window = 32")
        .withFallback(ConfigFactory.load().getConfig("concierge"));

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> IngestionSettings.fromConfig(concierge));
    assertEquals("ingestion.max-events-per-customer (33) must not exceed customer.dedupe-window (32)",
        refused.getMessage());
  }
}
