package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * A secret sent as {@code Authorization: Bearer <secret>}, compared in constant time; the admin token
 * and the server key are two. The answers when it is missing, wrong or not configured are the caller's,
 * built once. The secret a client sent goes into no answer and no log.
 */
final class BearerGate {

  private static final String BEARER = "Bearer ";

  private final Optional<byte[]> secret;
  private final Route off;
  private final Route unauthorized;
  private final Route forbidden;

  /**
   * @param secret the configured secret; blank or empty: the gate is off
   * @param off the answer to every request while the gate is off
   * @param unauthorized the answer to a request without a Bearer credential
   * @param forbidden the answer to a request with another secret
   */
  BearerGate(Optional<String> secret, HttpResponse off, HttpResponse unauthorized, HttpResponse forbidden) {
    // a secret read from a file or a Kubernetes secret often ends in a newline that no client sends
    this.secret = secret.map(String::strip).filter(value -> !value.isEmpty()).map(BearerGate::utf8);
    this.off = complete(off);
    this.unauthorized = complete(unauthorized);
    this.forbidden = complete(forbidden);
  }

  boolean enabled() {
    return secret.isPresent();
  }

  /** {@code inner} behind the check; the route is built here, once. */
  Route authorized(Route inner) {
    if (secret.isEmpty()) {
      return off;
    }
    return extractRequest(request -> {
      Optional<String> given = bearerToken(request);
      if (given.isEmpty()) {
        return unauthorized;
      }
      return matches(given.get()) ? inner : forbidden;
    });
  }

  /** Whether the request carries this secret. */
  boolean admits(HttpRequest request) {
    return secret.isPresent() && bearerToken(request).map(this::matches).orElse(false);
  }

  private boolean matches(String given) {
    return MessageDigest.isEqual(utf8(given), secret.orElseThrow());
  }

  /** The token of a Bearer credential; empty without one, including "Bearer" with no token after it. */
  private static Optional<String> bearerToken(HttpRequest request) {
    String authorization = request.getHeader("Authorization").map(HttpHeader::value).orElse("");
    // the scheme is case-insensitive (RFC 7235); the token is not
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    // RFC 7235 allows more than one space after the scheme
    return Optional.of(authorization.substring(BEARER.length()).strip()).filter(value -> !value.isEmpty());
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
