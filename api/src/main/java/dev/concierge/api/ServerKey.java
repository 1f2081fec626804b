package dev.concierge.api;

import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.HttpChallenge;
import org.apache.pekko.http.javadsl.model.headers.WWWAuthenticate;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The secret server key ({@code concierge.http.server-key}), which a shop's servers send as {@code
 * Authorization: Bearer <key>} and browsers never see. It opens the secret surface, a customer's
 * features: without it 401, with another key 403, and while none is configured 403 saying which
 * setting opens it. On the browser endpoints it stands in for a publishable key ({@link StorefrontAccess}).
 */
public final class ServerKey {

  private static final String REALM = "concierge";
  private static final String SETTING = "CONCIERGE_SERVER_KEY (concierge.http.server-key)";

  private final BearerGate gate;

  public ServerKey(Optional<String> key, JsonResponses responses) {
    this.gate = new BearerGate(
        key,
        responses.error(StatusCodes.FORBIDDEN, "forbidden",
            "this endpoint needs the server key, and the node has none: start it with " + SETTING
                + " set, and send the key as 'Authorization: Bearer <key>'"),
        responses.error(StatusCodes.UNAUTHORIZED, "unauthorized",
                "send the server key as 'Authorization: Bearer <key>'")
            .addHeader(WWWAuthenticate.create(HttpChallenge.create("Bearer", REALM))),
        responses.error(StatusCodes.FORBIDDEN, "forbidden",
            "the bearer token is not this node's server key, " + SETTING));
  }

  /** {@code inner} behind the key check; the route is built here, once. */
  public Route authorized(Route inner) {
    return gate.authorized(inner);
  }

  boolean admits(HttpRequest request) {
    return gate.admits(request);
  }
}
