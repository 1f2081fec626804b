package dev.concierge.persistence.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code concierge.events} in this module's reference.conf: its defaults and the environment's say. */
class EventsConfigTest {

  private static final String MAX_FUTURE_SKEW = "concierge.events.max-future-skew";

  @Test
  void eventsMayBeAnHourAheadOfTheNodesClockByDefault() {
    assertEquals(Duration.ofHours(1), reference().resolve().getDuration(MAX_FUTURE_SKEW));
  }

  @Test
  void theEnvironmentMayAllowAnotherSkew() {
    Config environment = ConfigFactory.parseMap(Map.of("CONCIERGE_EVENTS_MAX_FUTURE_SKEW", "5m"));

    assertEquals(Duration.ofMinutes(5), environment.withFallback(reference()).resolve().getDuration(MAX_FUTURE_SKEW));
  }

  // this module's own file: on the test classpath, other modules' reference.conf merge in too
  private static Config reference() {
    try {
      return ConfigFactory.parseURL(
          new URL(EventJson.class.getProtectionDomain().getCodeSource().getLocation(), "reference.conf"));
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
