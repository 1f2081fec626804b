package dev.concierge.api;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who may call what, read from {@code concierge.http}: the secret server key, the storefronts'
 * publishable keys, their rate limits and the origins CORS admits.
 *
 * @param serverKey the secret key servers send as {@code Authorization: Bearer}; empty when none is set
 * @param storefronts the storefronts whose browsers call {@code /v1/events} and {@code /v1/decisions}
 * @param perKey the token bucket of each publishable key
 * @param perAddress the token bucket of each client address making requests with a publishable key
 * @param maxTracked the most buckets of each kind kept in memory
 */
public record AccessSettings(
    Optional<String> serverKey,
    List<Storefront> storefronts,
    RateLimit perKey,
    RateLimit perAddress,
    int maxTracked,
    CorsSettings cors) {

  /** The storefront that {@code CONCIERGE_PUBLISHABLE_KEY} configures. */
  static final String ENVIRONMENT_STOREFRONT = "default";

  /** A storefront and the key its pages send as {@code ?key=}. */
  public record Storefront(String name, String publishableKey) {}

  /**
   * A token bucket's size.
   *
   * @param burst requests allowed at once
   * @param perSecond the pace the bucket refills at
   */
  public record RateLimit(int burst, double perSecond) {

    static RateLimit fromConfig(Config limit) {
      return new RateLimit(limit.getInt("burst"), limit.getDouble("per-second"));
    }
  }

  /**
   * @param allowedOrigins the origins whose pages may read the answers; {@code "*"} admits any; empty: CORS off
   * @param maxAge how long a browser may reuse a preflight's answer
   */
  public record CorsSettings(List<String> allowedOrigins, Duration maxAge) {

    static CorsSettings fromConfig(Config cors) {
      return new CorsSettings(stringList(cors, "allowed-origins"), cors.getDuration("max-age"));
    }
  }

  /** @param http the {@code concierge.http} section */
  public static AccessSettings fromConfig(Config http) {
    List<Storefront> storefronts = new ArrayList<>();
    for (Config storefront : http.getConfigList("storefronts")) {
      storefronts.add(new Storefront(storefront.getString("name"), storefront.getString("publishable-key").strip()));
    }
    nonBlank(http.getString("publishable-key"))
        .ifPresent(key -> storefronts.add(new Storefront(ENVIRONMENT_STOREFRONT, key)));
    Config limits = http.getConfig("rate-limit");
    return new AccessSettings(
        nonBlank(http.getString("server-key")),
        List.copyOf(storefronts),
        RateLimit.fromConfig(limits.getConfig("per-key")),
        RateLimit.fromConfig(limits.getConfig("per-address")),
        limits.getInt("max-tracked"),
        CorsSettings.fromConfig(http.getConfig("cors")));
  }

  // a key read from a file or a secret often ends in a newline that no client sends
  static Optional<String> nonBlank(String value) {
    return Optional.of(value.strip()).filter(stripped -> !stripped.isEmpty());
  }

  // a list in HOCON, or a comma-separated string from an environment variable
  private static List<String> stringList(Config config, String path) {
    if (config.getValue(path).valueType() == ConfigValueType.LIST) {
      return config.getStringList(path).stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
    }
    return Arrays.stream(config.getString(path).split(",")).map(String::strip).filter(value -> !value.isEmpty()).toList();
  }
}
