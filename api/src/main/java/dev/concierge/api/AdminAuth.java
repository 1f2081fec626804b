package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.HttpChallenge;
import org.apache.pekko.http.javadsl.model.headers.WWWAuthenticate;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The admin token check, shared by the admin API and the Pekko Management endpoints: {@code
 * Authorization: Bearer <token>}, compared in constant time. Without a configured token every admin
 * route answers 404 {@code admin_disabled}: off, not open.
 */
public final class AdminAuth {

  private static final String BEARER = "Bearer ";
  private static final String REALM = "concierge-admin";

  private final Optional<String> token;
  private final JsonResponses responses;

  public AdminAuth(Optional<String> token, JsonResponses responses) {
    this.token = token.filter(value -> !value.isBlank());
    this.responses = responses;
  }

  public boolean enabled() {
    return token.isPresent();
  }

  public Route authorized(Supplier<Route> inner) {
    if (token.isEmpty()) {
      return complete(responses.error(StatusCodes.NOT_FOUND, "admin_disabled",
          "the admin API is off; start the node with CONCIERGE_ADMIN_TOKEN set to enable it"));
    }
    return extractRequest(request -> {
      String given = request.getHeader("Authorization").map(header -> header.value()).orElse("");
      // the scheme is case-insensitive (RFC 7235); the token is not
      boolean bearer = given.regionMatches(true, 0, BEARER, 0, BEARER.length());
      if (!bearer || !constantTimeEquals(given.substring(BEARER.length()), token.get())) {
        return complete(responses.error(StatusCodes.UNAUTHORIZED, "unauthorized",
                "send the admin token as 'Authorization: Bearer <token>'")
            .addHeader(WWWAuthenticate.create(HttpChallenge.create("Bearer", REALM))));
      }
      return inner.get();
    });
  }

  private static boolean constantTimeEquals(String given, String expected) {
    return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
