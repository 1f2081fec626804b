package dev.concierge.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.kafka.RestartBackoff;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** {@code concierge.models} in reference.conf: the install retry's defaults and the environment's say. */
class ModelRegistrySettingsTest {

  // the settings only carry the executor
  private static final Executor DIRECT = Runnable::run;

  @Test
  void aFailedInstallIsTriedAgainAfterASecondDoublingUpToHalfAMinute() {
    RestartBackoff retry = settings(ConfigFactory.empty()).installRetry();

    assertEquals(Duration.ofSeconds(1), retry.minBackoff());
    assertEquals(Duration.ofSeconds(30), retry.maxBackoff());
  }

  @Test
  void theEnvironmentMaySetTheInstallRetry() {
    Config environment =
        ConfigFactory.parseMap(Map.of(
            "CONCIERGE_MODELS_INSTALL_RETRY_MIN_BACKOFF", "250ms",
            "CONCIERGE_MODELS_INSTALL_RETRY_MAX_BACKOFF", "2m"));

    RestartBackoff retry = settings(environment).installRetry();

    assertEquals(Duration.ofMillis(250), retry.minBackoff());
    assertEquals(Duration.ofMinutes(2), retry.maxBackoff());
  }

  @Test
  void theRetryWaitsDoubleFromTheMinimumUpToTheMaximumStretchedByAtMostTheRandomFactor() {
    RestartBackoff retry = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);

    assertBetween(Duration.ofSeconds(1), Duration.ofMillis(1200), retry.delayAfter(1));
    assertBetween(Duration.ofSeconds(4), Duration.ofMillis(4800), retry.delayAfter(3));
    assertBetween(Duration.ofSeconds(30), Duration.ofSeconds(36), retry.delayAfter(1_000));
  }

  private static void assertBetween(Duration least, Duration most, Duration actual) {
    assertTrue(actual.compareTo(least) >= 0 && actual.compareTo(most) <= 0,
        actual + " is between " + least + " and " + most);
  }

  private static ModelRegistry.Settings settings(Config environment) {
    Config resolved = environment.withFallback(ConfigFactory.parseResourcesAnySyntax("reference.conf")).resolve();
    return ModelRegistry.Settings.fromConfig(resolved.getConfig("concierge.models"), DIRECT);
  }
}
