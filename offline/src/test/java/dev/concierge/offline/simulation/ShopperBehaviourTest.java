package dev.concierge.offline.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShopperBehaviourTest {

  @Test
  void theDefaultsComeFromTheConfiguration() {
    ShopperBehaviour behaviour = ShopperBehaviour.fromConfig(ConfigFactory.parseString(
        "simulation { factors = 4, taste-strength = 1, category-share = 0.3, cluster-share = 0.3,"
            + " popularity-exponent = 1.1, direct-purchase-share = 0.1, consumable-category-share = 0.5,"
            + " rebuy-interval = 3d, rebuy-chance = 0.9, noise-share = 0.02 }"));

    assertEquals(new ShopperBehaviour(4, 1, 0.3, 0.3, 1.1, 0.1, 0.5, Duration.ofDays(3), 0.9, 0.02), behaviour);
    assertEquals(ShopperBehaviour.fromConfig(ConfigFactory.load().getConfig("concierge")), ShopperBehaviour.DEFAULT);
  }

  @Test
  void eachOverrideChangesItsSettingAlone() {
    ShopperBehaviour defaults = ShopperBehaviour.DEFAULT;

    assertEquals(3, defaults.withFactors(3).factors());
    assertEquals(defaults, defaults.withFactors(3).withFactors(defaults.factors()));
    assertEquals(0.5, defaults.withDirectPurchaseShare(0.5).directPurchaseShare());
    assertEquals(defaults, defaults.withDirectPurchaseShare(0.5).withDirectPurchaseShare(defaults.directPurchaseShare()));
    assertEquals(0, defaults.withNoiseShare(0).noiseShare());
    assertEquals(defaults, defaults.withNoiseShare(0).withNoiseShare(defaults.noiseShare()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 | 2 | 0.5 | 0.2 | 0.2 | 0.1 | factors must be at least 1",
        "4 | -1 | 0.5 | 0.2 | 0.2 | 0.1 | taste-strength must be",
        "4 | 2 | 0.8 | 0.3 | 0.2 | 0.1 | must add up to at most 1",
        "4 | 2 | 0.5 | 0.2 | 1.5 | 0.1 | direct-purchase-share must be between 0 and 1",
        "4 | 2 | 0.5 | 0.2 | 0.2 | NaN | noise-share must be between 0 and 1",
      })
  void settingsOutOfRangeAreRefusedByName(
      int factors, double taste, double category, double cluster, double direct, double noise, String message) {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> new ShopperBehaviour(factors, taste, category, cluster, 1, direct, 0.2, Duration.ofDays(7), 0.5, noise));

    assertTrue(refused.getMessage().contains(message), refused.getMessage());
  }

  @Test
  void aRebuyIntervalMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new ShopperBehaviour(4, 2, 0.5, 0.2, 1, 0.2, 0.2,
        Duration.ZERO, 0.5, 0.1));
  }
}
