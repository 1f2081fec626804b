package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;

import dev.concierge.api.AccessSettings.Storefront;
import dev.concierge.api.TokenBuckets.Refused;
import dev.concierge.api.error.ApiError;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.RemoteAddress;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Who may call {@code /v1/events} and {@code /v1/decisions}, the endpoints storefront pages call. With no
 * publishable key configured they are open. With one, a request carries a storefront's publishable key
 * as {@code ?key=pk_...} (a beacon cannot set headers) or the server key as {@code Authorization: Bearer};
 * else 401. Requests with a publishable key, whose key anyone can read in the page, pass two token
 * buckets, the key's and the client address's; over either, 429 with {@code Retry-After}. Servers, with
 * the secret key, pass unlimited.
 */
public final class StorefrontAccess {

  static final String KEY_PARAMETER = "key";
  /** The client of a request without a peer address: only when remote-address-attribute is off. */
  private static final String UNKNOWN_ADDRESS = "unknown";
  /** The bytes of an IPv6 address that one subscriber gets to pick from: a /64 is one client. */
  private static final int IPV6_SUBSCRIBER_PREFIX_BYTES = 8;

  private final Map<String, Storefront> byKey;
  private final ServerKey serverKey;
  private final TokenBuckets perKey;
  private final TokenBuckets perAddress;
  private final Route missingKey;
  private final Route unknownKey;

  public StorefrontAccess(AccessSettings settings, ServerKey serverKey, JsonResponses responses) {
    this(settings, serverKey, responses, System::nanoTime);
  }

  StorefrontAccess(AccessSettings settings, ServerKey serverKey, JsonResponses responses, LongSupplier nanoTime) {
    this.byKey = settings.storefronts().stream()
        .collect(Collectors.toUnmodifiableMap(Storefront::publishableKey, storefront -> storefront));
    this.serverKey = serverKey;
    this.perKey = new TokenBuckets(settings.perKey(), settings.maxTracked(), nanoTime);
    this.perAddress = new TokenBuckets(settings.perAddress(), settings.maxTracked(), nanoTime);
    this.missingKey = complete(responses.error(StatusCodes.UNAUTHORIZED, "unauthorized",
        "send the storefront's publishable key as '?" + KEY_PARAMETER + "=pk_...', or the server key as"
            + " 'Authorization: Bearer <key>'"));
    this.unknownKey = complete(responses.error(StatusCodes.UNAUTHORIZED, "unauthorized",
        "the publishable key is none of this node's storefronts' (concierge.http.storefronts)"));
  }

  /** {@code inner} behind the key check and the rate limits; the route is built here, once. */
  public Route guarded(Route inner) {
    if (byKey.isEmpty()) {
      return inner;
    }
    return extractRequest(request -> {
      if (serverKey.admits(request)) {
        return inner;
      }
      Optional<String> key = request.getUri().query().get(KEY_PARAMETER);
      if (key.isEmpty()) {
        return missingKey;
      }
      Storefront storefront = byKey.get(key.get());
      if (storefront == null) {
        return unknownKey;
      }
      // the address first: a client over its own limit takes nothing from its storefront's
      if (perAddress.admit(address(request)) instanceof Refused refused) {
        throw ApiError.rateLimited("too many requests from this address; retry after Retry-After seconds",
            refused.retryAfter());
      }
      if (perKey.admit(storefront.name()) instanceof Refused refused) {
        throw ApiError.rateLimited("too many requests with the key of storefront '" + storefront.name()
            + "'; retry after Retry-After seconds", refused.retryAfter());
      }
      return inner;
    });
  }

  /** The bucket's name of the connection's peer; X-Forwarded-For is anyone's to write, so it is not read. */
  private static String address(HttpRequest request) {
    return request.getAttribute(AttributeKeys.remoteAddress)
        .flatMap(RemoteAddress::getAddress)
        .map(StorefrontAccess::client)
        .orElse(UNKNOWN_ADDRESS);
  }

  private static String client(InetAddress address) {
    byte[] bytes = address.getAddress();
    return address instanceof Inet6Address
        ? HexFormat.of().formatHex(Arrays.copyOf(bytes, IPV6_SUBSCRIBER_PREFIX_BYTES))
        : address.getHostAddress();
  }
}
