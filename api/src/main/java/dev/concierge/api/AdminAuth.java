package dev.concierge.api;

import java.util.Optional;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.HttpChallenge;
import org.apache.pekko.http.javadsl.model.headers.WWWAuthenticate;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The admin token check, shared by the admin API and the Pekko Management endpoints: {@code
 * Authorization: Bearer <token>}, the token compared in constant time ({@link BearerGate}).
 *
 * <ul>
 *   <li>No credential (no header, another scheme such as Basic, or nothing after {@code Bearer}): 401
 *       {@code unauthorized} with a Bearer challenge, since sending the token would help.
 *   <li>A Bearer token that is not this cluster's: 403 {@code forbidden}, since the client did
 *       authenticate and asking again would not help; the message says where the right token lives.
 *   <li>No configured token: every admin route answers 404 {@code admin_disabled}, credentials or
 *       not: off, not open.
 * </ul>
 */
public final class AdminAuth {

  private static final String REALM = "concierge-admin";

  private final BearerGate gate;

  public AdminAuth(Optional<String> token, JsonResponses responses) {
    this.gate = new BearerGate(
        token,
        responses.error(StatusCodes.NOT_FOUND, "admin_disabled",
            "the admin API is off; start the node with CONCIERGE_ADMIN_TOKEN set to enable it"),
        responses.error(StatusCodes.UNAUTHORIZED, "unauthorized",
                "send the admin token as 'Authorization: Bearer <token>'")
            .addHeader(WWWAuthenticate.create(HttpChallenge.create("Bearer", REALM))),
        responses.error(StatusCodes.FORBIDDEN, "forbidden",
            "the bearer token is not this cluster's admin token; send the token the nodes were started with"
                + " (CONCIERGE_ADMIN_TOKEN, or concierge.admin.token in the node's configuration; bin/concierge cluster"
                + " start keeps it in .concierge/admin-token)"));
  }

  public boolean enabled() {
    return gate.enabled();
  }

  /** {@code inner} behind the token check; the route is built here, once. */
  public Route authorized(Route inner) {
    return gate.authorized(inner);
  }
}
