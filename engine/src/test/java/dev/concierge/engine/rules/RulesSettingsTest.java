package dev.concierge.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dev.concierge.models.rules.BusinessRules;
import dev.concierge.models.rules.Diversity;
import dev.concierge.models.rules.PurchasedPolicy;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulesSettingsTest {

  private static final Config REFERENCE = ConfigFactory.defaultReference().getConfig("concierge.rules");

  /** The engine's reference defaults under {@code hocon}, as a node's application.conf would set them. */
  private static BusinessRules parse(String hocon) {
    return RulesSettings.fromConfig(ConfigFactory.parseString(hocon).withFallback(REFERENCE));
  }

  private static ConfigException failure(String hocon) {
    return assertThrows(ConfigException.class, () -> parse(hocon));
  }

  @Test
  void theReferenceDefaultsAreTheDefaultRules() {
    assertEquals(BusinessRules.DEFAULT, RulesSettings.fromConfig(REFERENCE));
  }

  @Test
  void readsEveryRule() {
    BusinessRules rules =
        parse(
            """
            purchased = keep
            purchased-by-category { socks = keep, tents = exclude-category }
            exclude-out-of-stock = false
            exclude-items = [recalled-1, recalled-2]
            boost {
              items { sku-1 = 1.5, "sku.7" = 2 }
              categories { clearance = 0.5 }
            }
            pin { hero = 1, promo = 3 }
            diversity { max-per-category = 4, within-top = 10 }
            """);

    assertEquals(
        new BusinessRules(
            PurchasedPolicy.KEEP,
            Map.of("socks", PurchasedPolicy.KEEP, "tents", PurchasedPolicy.EXCLUDE_CATEGORY),
            false,
            Set.of("recalled-1", "recalled-2"),
            Map.of("sku-1", 1.5, "sku.7", 2.0),
            Map.of("clearance", 0.5),
            Map.of("hero", 1, "promo", 3),
            new Diversity(4, 10)),
        rules);
  }

  @Test
  void anUnknownPolicyFailsNamingItsKey() {
    ConfigException error = failure("purchased-by-category { tents = forget }");

    assertTrue(error.getMessage().contains("purchased-by-category.tents"), error.getMessage());
    assertTrue(error.getMessage().contains("expected keep, exclude-item or exclude-category"), error.getMessage());
  }

  @Test
  void aFactorOfZeroOrLessFailsNamingItsKey() {
    ConfigException error = failure("boost.categories { socks = 0 }");

    assertTrue(error.getMessage().contains("boost.categories.socks"), error.getMessage());
    assertTrue(error.getMessage().contains("> 0"), error.getMessage());
  }

  @Test
  void aFactorThatIsNoNumberFailsNamingItsKey() {
    ConfigException error = failure("boost.items { sku-1 = lots }");

    assertTrue(error.getMessage().contains("boost.items.sku-1"), error.getMessage());
  }

  @Test
  void aPinBeforePositionOneFailsNamingItsKey() {
    ConfigException error = failure("pin { hero = 0 }");

    assertTrue(error.getMessage().contains("pin.hero"), error.getMessage());
  }

  @Test
  void aNegativeDiversityCapFailsNamingItsKey() {
    ConfigException error = failure("diversity.max-per-category = -2");

    assertTrue(error.getMessage().contains("max-per-category"), error.getMessage());
  }

  @Test
  void aMissingSettingFailsNamingIt() {
    ConfigException error =
        assertThrows(
            ConfigException.class,
            () -> RulesSettings.fromConfig(REFERENCE.withoutPath("exclude-out-of-stock")));

    assertTrue(error.getMessage().contains("exclude-out-of-stock"), error.getMessage());
  }
}
