package dev.concierge.engine.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.persistence.json.EventJson;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IngestionSettingsTest {

  private static final String FRAME_SIZE = "pekko.remote.artery.advanced.maximum-frame-size";
  // the design's target from produce to features, which the window shares with Kafka and Cassandra
  private static final Duration FRESHNESS_P99 = Duration.ofMillis(20);

  @Test
  void theDefaultsKeepACustomersCommandWithinHalfARemotingFrame() {
    Config config = ConfigFactory.load();

    IngestionSettings settings = IngestionSettings.fromConfig(config);

    assertTrue(settings.perCommand().bytes() <= config.getBytes(FRAME_SIZE) / 2);
    assertTrue(settings.perCommand().bytes() >= EventJson.MAX_EVENT_BYTES, "any valid event fits a command");
  }

  @Test
  void theEngineStatesTheRemotingFrameItSizesCommandsAgainst() throws Exception {
    URL engineReference =
        new URL(IngestionSettings.class.getProtectionDomain().getCodeSource().getLocation(), "reference.conf");

    assertEquals(256 * 1024, ConfigFactory.parseURL(engineReference).getBytes(FRAME_SIZE));
  }

  @Test
  void aCustomersCommandMayHoldMoreEventsThanTheDedupeWindowSinceItsOffsetsRecogniseItWhole() {
    Config config = ConfigFactory.parseString(
            "concierge.ingestion.max-events-per-customer = 64, concierge.customer.dedupe-window = 32")
        .withFallback(ConfigFactory.load());

    assertEquals(64, IngestionSettings.fromConfig(config).perCommand().events());
  }

  @Test
  void theDefaultBatchWindowTakesAtMostAQuarterOfTheFreshnessTarget() {
    IngestionSettings settings = IngestionSettings.fromConfig(ConfigFactory.load());

    assertTrue(settings.batchWindow().multipliedBy(4).compareTo(FRESHNESS_P99) <= 0, settings.batchWindow().toString());
  }

  @Test
  void aNegativeBatchWindowIsRefused() {
    String refusal = refusal("concierge.ingestion.batch-window = -5ms");

    assertTrue(refusal.contains("batch-window"), refusal);
  }

  @Test
  void aZeroBatchWindowGathersByDemandAloneAndAnyOtherByTimeAsWell() {
    assertFalse(settings("concierge.ingestion.batch-window = 0ms").gathersByTime());
    assertTrue(settings("concierge.ingestion.batch-window = 1ms").gathersByTime());
  }

  @Test
  void aCommandHoldsAtLeastOneEvent() {
    String refusal = refusal("concierge.ingestion.max-events-per-customer = 0");

    assertTrue(refusal.contains("at least one event"), refusal);
  }

  @ParameterizedTest
  @ValueSource(strings = {"129 KiB", "63 KiB"})
  void aByteBudgetOverHalfTheFrameOrUnderOneEventIsRefused(String budget) {
    String refusal = refusal("concierge.ingestion.max-bytes-per-customer = " + budget);

    assertTrue(refusal.startsWith("ingestion.max-bytes-per-customer"), refusal);
  }

  @Test
  void aLargerFrameAllowsALargerBudget() {
    Config config = ConfigFactory.parseString(
            "concierge.ingestion.max-bytes-per-customer = 256 KiB, " + FRAME_SIZE + " = 512 KiB")
        .withFallback(ConfigFactory.load());

    assertEquals(256 * 1024, IngestionSettings.fromConfig(config).perCommand().bytes());
  }

  // the settings over the defaults must be refused: the refusal's message
  private static IngestionSettings settings(String settings) {
    return IngestionSettings.fromConfig(ConfigFactory.parseString(settings).withFallback(ConfigFactory.load()));
  }

  private static String refusal(String settings) {
    Config config = ConfigFactory.parseString(settings).withFallback(ConfigFactory.load());
    return assertThrows(IllegalArgumentException.class, () -> IngestionSettings.fromConfig(config)).getMessage();
  }
}
