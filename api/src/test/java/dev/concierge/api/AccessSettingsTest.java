package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.api.AccessSettings.Storefront;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The browser surface's settings as HOCON writes them and as environment variables override them. */
class AccessSettingsTest {

  private static AccessSettings read(String hocon) {
    Config concierge = ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load()).getConfig("concierge");
    return AccessSettings.fromConfig(concierge.getConfig("http"));
  }

  @Test
  void byDefaultNoKeyIsSetAndCorsIsOff() {
    AccessSettings defaults = read("");

    assertEquals(Optional.empty(), defaults.serverKey());
    assertEquals(List.of(), defaults.storefronts());
    assertEquals(List.of(), defaults.cors().allowedOrigins());
  }

  @Test
  void allowedOriginsFromAnEnvironmentVariableAreItsCommaSeparatedValues() {
    assertEquals(List.of("https://a.example", "https://b.example"),
        read("concierge.http.cors.allowed-origins = \"https://a.example, https://b.example,\"").cors().allowedOrigins());
    assertEquals(List.of("https://a.example"),
        read("concierge.http.cors.allowed-origins = [\"https://a.example\"]").cors().allowedOrigins());
  }

  @Test
  void theEnvironmentsPublishableKeyIsOneMoreStorefrontAndKeysAreTrimmed() {
    AccessSettings settings = read("""
        concierge.http.storefronts = [{name = "demo", publishable-key = "pk_demo\\n"}]
        concierge.http.publishable-key = " pk_env "
        concierge.http.server-key = "sk_1\\n"
        """);

    assertEquals(List.of(new Storefront("demo", "pk_demo"), new Storefront("default", "pk_env")), settings.storefronts());
    assertEquals(Optional.of("sk_1"), settings.serverKey());
  }
}
