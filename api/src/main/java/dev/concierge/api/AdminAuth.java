package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.HttpChallenge;
import org.apache.pekko.http.javadsl.model.headers.WWWAuthenticate;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The admin token check, shared by the admin API and the Pekko Management endpoints: {@code
 * Authorization: Bearer <token>}, the token compared in constant time.
 *
 * <ul>
 *   <li>No credential (no header, another scheme such as Basic, or nothing after {@code Bearer}): 401
 *       {@code unauthorized} with a Bearer challenge, since sending the token would help.
 *   <li>A Bearer token that is not this cluster's: 403 {@code forbidden}, since the client did
 *       authenticate and asking again would not help; the message says where the right token lives.
 *   <li>No configured token: every admin route answers 404 {@code admin_disabled}, credentials or
 *       not: off, not open.
 * </ul>
 *
 * The token a client sent goes into no answer and no log.
 */
public final class AdminAuth {

  private static final String BEARER = "Bearer ";
  private static final String REALM = "concierge-admin";

  private final Optional<String> token;
  private final HttpResponse disabled;
  private final HttpResponse unauthorized;
  private final HttpResponse forbidden;

  public AdminAuth(Optional<String> token, JsonResponses responses) {
    // a token read from a file or a secret often ends in a newline that no client sends
    this.token = token.map(String::strip).filter(value -> !value.isEmpty());
    this.disabled = responses.error(StatusCodes.NOT_FOUND, "admin_disabled",
        "the admin API is off; start the node with CONCIERGE_ADMIN_TOKEN set to enable it");
    this.unauthorized = responses.error(StatusCodes.UNAUTHORIZED, "unauthorized",
            "send the admin token as 'Authorization: Bearer <token>'")
        .addHeader(WWWAuthenticate.create(HttpChallenge.create("Bearer", REALM)));
    this.forbidden = responses.error(StatusCodes.FORBIDDEN, "forbidden",
        "the bearer token is not this cluster's admin token; send the token the nodes were started with"
            + " (CONCIERGE_ADMIN_TOKEN, or concierge.admin.token in the node's configuration; bin/concierge cluster"
            + " start keeps it in .concierge/admin-token)");
  }

  public boolean enabled() {
    return token.isPresent();
  }

  /** {@code inner} behind the token check; the route is built here, once. */
  public Route authorized(Route inner) {
    if (token.isEmpty()) {
      return complete(disabled);
    }
    return extractRequest(request -> {
      Optional<String> given = bearerToken(request);
      if (given.isEmpty()) {
        return complete(unauthorized);
      }
      if (!constantTimeEquals(given.get(), token.get())) {
        return complete(forbidden);
      }
      return inner;
    });
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

  private static boolean constantTimeEquals(String given, String expected) {
    return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
