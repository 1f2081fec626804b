package dev.concierge.models.rules;

import java.util.Locale;

/** What happens to items once the shopper has bought them, or has bought something of their category. */
public enum PurchasedPolicy {
  /** Repurchasable goods (socks, coffee): buying one changes nothing. */
  KEEP("keep"),
  /** A bought item is never shown again; the rest of its category still is. */
  EXCLUDE_ITEM("exclude-item"),
  /** One purchase closes the category (a tent, a sofa): nothing more of it is shown. */
  EXCLUDE_CATEGORY("exclude-category");

  private final String configName;

  PurchasedPolicy(String configName) {
    this.configName = configName;
  }

  /** The name in HOCON and in request JSON, e.g. {@code exclude-item}. */
  public String configName() {
    return configName;
  }

  /**
   * Reads a policy in any of the spellings configs and requests use: {@code exclude-item},
   * {@code exclude_item}, {@code excludeItem} or {@code EXCLUDE_ITEM}.
   *
   * @throws IllegalArgumentException naming the accepted values when {@code name} is none of them
   */
  public static PurchasedPolicy fromName(String name) {
    String wanted = withoutSeparators(name);
    for (PurchasedPolicy policy : values()) {
      if (withoutSeparators(policy.configName).equals(wanted)) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "unknown purchased policy '" + name + "'; expected keep, exclude-item or exclude-category");
  }

  private static String withoutSeparators(String name) {
    return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }
}
