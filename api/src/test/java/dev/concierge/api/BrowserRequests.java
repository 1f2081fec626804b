package dev.concierge.api;

import dev.concierge.api.AccessSettings.CorsSettings;
import dev.concierge.api.AccessSettings.RateLimit;
import dev.concierge.api.AccessSettings.Storefront;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.RemoteAddress;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;

/** Requests as a storefront's pages send them, and the access settings of a node that takes them. */
final class BrowserRequests {

  static final String SHOP = "https://shop.example";
  static final String DEMO_KEY = "pk_demo";
  static final String OUTLET_KEY = "pk_outlet";
  static final String EVENT =
      "{\"eventId\":\"e-1\",\"customerId\":\"c-42\",\"type\":\"view\",\"itemId\":\"sku-7\","
          + "\"timestamp\":\"2026-11-26T10:00:00Z\"}";
  static final String DECISION = "{\"customerId\":\"c-42\",\"limit\":2}";
  static final RateLimit GENEROUS = new RateLimit(1_000, 1_000);
  static final int MAX_TRACKED = 1_000;

  private BrowserRequests() {}

  /** Two storefronts, the fixture's server key, CORS for {@link #SHOP}, and these buckets. */
  static AccessSettings access(RateLimit perKey, RateLimit perAddress) {
    return new AccessSettings(
        Optional.of(RouteFixture.SERVER_KEY),
        List.of(new Storefront("demo", DEMO_KEY), new Storefront("outlet", OUTLET_KEY)),
        perKey, perAddress, MAX_TRACKED,
        new CorsSettings(List.of(SHOP), Duration.ofMinutes(10)));
  }

  static AccessSettings generous() {
    return access(GENEROUS, GENEROUS);
  }

  /** A JSON POST to {@code path}, as fetch sends it from {@link #SHOP}. */
  static HttpRequest fromShop(String path, String json) {
    return HttpRequest.POST(path)
        .withEntity(ContentTypes.APPLICATION_JSON, json.getBytes(StandardCharsets.UTF_8))
        .addHeader(RawHeader.create("Origin", SHOP));
  }

  static HttpRequest from(HttpRequest request, String address) {
    try {
      return request.addAttribute(AttributeKeys.remoteAddress, RemoteAddress.create(InetAddress.getByName(address)));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address literal: " + address, e);
    }
  }
}
