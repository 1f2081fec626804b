package dev.concierge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.Authorization;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.junit.jupiter.api.Test;

/**
 * What the management port serves to whom: peers probe the bootstrap contact point and the kubelet the health
 * routes without a token; the rest of Pekko Management (members, shards) needs the admin token.
 */
class ManagementEndpointTest extends RouteTestSupport {

  private static final String TOKEN = "management-token";
  private static final JsonResponses RESPONSES = new JsonResponses(new ObjectMapper().getFactory());
  // stands in for PekkoManagement.getRoutes(): the bootstrap and cluster-http providers' paths
  private final Route management = concat(
      path(PathMatchers.segment("bootstrap").slash("seed-nodes"), () -> complete("seeds")),
      path(PathMatchers.segment("cluster").slash("members"), () -> complete("members")));
  private final Route health = path(PathMatchers.segment("health").slash("ready"), () -> complete("ready"));

  @Test
  void aBootstrappingNodeAnswersItsPeersAndTheProbesWithoutTheTokenAndKeepsTheRestBehindIt() {
    Route served = ManagementEndpoint.routes(management, auth(Optional.of(TOKEN)), health, true);

    get(served, "/bootstrap/seed-nodes").assertStatusCode(200).assertEntity("seeds");
    get(served, "/health/ready").assertStatusCode(200).assertEntity("ready");
    get(served, "/cluster/members").assertStatusCode(401);
    testRoute(served).run(HttpRequest.GET("/cluster/members").addHeader(Authorization.oauth2(TOKEN)))
        .assertStatusCode(200).assertEntity("members");
  }

  @Test
  void aNodeThatDoesNotBootstrapKeepsItsContactPointBehindTheToken() {
    Route served = ManagementEndpoint.routes(management, auth(Optional.of(TOKEN)), health, false);

    get(served, "/bootstrap/seed-nodes").assertStatusCode(401);
    get(served, "/health/ready").assertStatusCode(200);
  }

  @Test
  void withoutATokenOnlyTheContactPointAndTheProbesAreServed() {
    Route served = ManagementEndpoint.routes(management, auth(Optional.empty()), health, true);

    get(served, "/bootstrap/seed-nodes").assertStatusCode(200);
    get(served, "/health/ready").assertStatusCode(200);
    testRoute(served).run(HttpRequest.GET("/cluster/members").addHeader(Authorization.oauth2(TOKEN)))
        .assertStatusCode(404);
  }

  private static AdminAuth auth(Optional<String> token) {
    return new AdminAuth(token, RESPONSES);
  }
}
