package dev.concierge.api.demo;

import com.typesafe.config.Config;

/**
 * The demo storefront's settings, read from {@code concierge.demo}.
 *
 * @param enabled        whether the node serves {@code /demo/} at all
 * @param publishableKey the key the demo's pages send as {@code ?key=}, or empty while the node needs none
 * @param maxItems       the most catalog items the demo's grid lists, most popular first
 */
public record DemoSettings(boolean enabled, String publishableKey, int maxItems) {

  public static DemoSettings fromConfig(Config concierge) {
    Config demo = concierge.getConfig("demo");
    return new DemoSettings(demo.getBoolean("enabled"), demo.getString("publishable-key"), demo.getInt("max-items"));
  }
}
