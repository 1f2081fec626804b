package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.engine.cluster.ClusterAdmin;
import dev.concierge.engine.cluster.ClusterAdminException;
import java.util.List;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.Authorization;
import org.apache.pekko.http.javadsl.testkit.TestRouteResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterAdminRoutesTest extends RouteTestSupport {

  // the test instance lives as long as the class's actor system, so each test gets a fresh cluster
  private FakeClusterAdmin cluster;

  @BeforeEach
  void freshCluster() {
    cluster = new FakeClusterAdmin();
  }

  @Test
  void membersListsEveryMemberWithStatusAndReachability() {
    JsonNode body = json(ok(call(HttpRequest.GET("/admin/members"))));

    assertEquals(FakeClusterAdmin.NODE_1, body.get("self").asText());
    assertEquals(FakeClusterAdmin.NODE_1, body.get("oldest").asText());
    JsonNode second = body.get("members").get(1);
    assertEquals(FakeClusterAdmin.NODE_2, second.get("address").asText());
    assertEquals("Leaving", second.get("status").asText());
    assertEquals(false, second.get("reachable").asBoolean());
    assertEquals("dc-default", second.get("roles").get(0).asText());
  }

  @Test
  void shardsShowEachNodesShareAndEachShardsRatesInTheServicesOrder() {
    JsonNode body = json(ok(call(HttpRequest.GET("/admin/shards"))));

    assertEquals(100, body.get("numberOfShards").asInt());
    assertEquals(30, body.get("nodes").get(0).get("entities").asLong());
    assertEquals(2, body.get("nodes").get(0).get("shards").asInt());
    JsonNode hottest = body.get("shards").get(0);
    assertEquals("7", hottest.get("shardId").asText());
    assertEquals(600, hottest.get("eventsPerMinute").asLong());
    assertEquals(60, hottest.get("decisionsPerMinute").asLong());
    assertEquals(List.of("7", "3", "9"), body.get("shards").findValuesAsText("shardId"));
    assertEquals(FakeClusterAdmin.NODE_2, body.get("unreachableNodes").get(0).asText());
    assertEquals(FakeClusterAdmin.NODE_2, body.get("lateNodes").get(0).asText());
  }

  @Test
  void aMoveGoesToTheNodeNamedInTheBodyAndReportsWhereFromAndHowLong() {
    JsonNode body = json(ok(move("7", "{\"to\":\"" + FakeClusterAdmin.NODE_2 + "\"}")));

    assertEquals(List.of(List.of("7", FakeClusterAdmin.NODE_2)), cluster.moves);
    assertEquals("moved", body.get("status").asText());
    assertEquals(FakeClusterAdmin.NODE_1, body.get("from").asText());
    assertEquals(1500, body.get("tookMs").asLong());
  }

  @Test
  void aMoveStillUnderWayWhenTheWaitEndsIs202() {
    cluster.moveStatus = ClusterAdmin.MoveStatus.PENDING;

    TestRouteResult result = move("7", "{\"to\":\"" + FakeClusterAdmin.NODE_2 + "\"}");

    assertEquals(202, result.response().status().intValue());
    assertEquals("pending", json(result).get("status").asText());
  }

  @Test
  void aShardHandedOffButNotYetStartedIsDoneAsFarAsTheMoveGoes() {
    cluster.moveStatus = ClusterAdmin.MoveStatus.HANDED_OFF;

    assertEquals("handed-off", json(ok(move("7", "{\"to\":\"" + FakeClusterAdmin.NODE_2 + "\"}"))).get("status").asText());
  }

  @ParameterizedTest(name = "move body {0} is 400")
  @ValueSource(strings = {"{}", "{\"to\":\"\"}", "{\"to\":7}", "[]", "{\"to\":\"a\"} trailing", "not json"})
  void aMoveWithoutATargetNodeIs400AndShowsTheShape(String body) {
    TestRouteResult result = move("7", body);

    assertEquals(400, result.response().status().intValue());
    assertMentions(json(result).get("message").asText(), "\"to\"", "pekko://");
    assertTrue(cluster.moves.isEmpty());
  }

  @Test
  void aMoveOfAShardThatDoesNotExistIs404WithTheRange() {
    cluster.rejection = new ClusterAdminException(
        ClusterAdminException.Reason.UNKNOWN_SHARD, "shard '700' does not exist: shard ids are 0..99");

    String message = assertError(move("700", "{\"to\":\"" + FakeClusterAdmin.NODE_2 + "\"}"), 404, "unknown_shard");

    assertMentions(message, "0..99");
  }

  @Test
  void aMoveToAMemberThatCannotTakeShardsIs409() {
    cluster.rejection = new ClusterAdminException(
        ClusterAdminException.Reason.NODE_NOT_UP, "'x' is Leaving, and only an Up member takes shards");

    assertMentions(assertError(move("7", "{\"to\":\"" + FakeClusterAdmin.NODE_2 + "\"}"), 409, "node_not_up"),
        "only an Up member");
  }

  @Test
  void aMoveToSomethingThatIsNotAnAddressIs400() {
    cluster.rejection = new ClusterAdminException(ClusterAdminException.Reason.BAD_ADDRESS,
        "'local2' is not a node address; give one like pekko://concierge@127.0.0.1:2551");

    assertMentions(assertError(move("7", "{\"to\":\"local2\"}"), 400, "invalid_request"), "pekko://");
  }

  @Test
  void aDrainThatEndsWithTheNodeGoneIs200() {
    JsonNode body = json(ok(drain("{\"address\":\"" + FakeClusterAdmin.NODE_2 + "\"}")));

    assertEquals(List.of(FakeClusterAdmin.NODE_2), cluster.drains);
    assertEquals("removed", body.get("status").asText());
    assertEquals(8000, body.get("tookMs").asLong());
  }

  @Test
  void aDrainStillLeavingWhenTheWaitEndsIs202() {
    cluster.drainStatus = ClusterAdmin.DrainStatus.LEAVING;

    TestRouteResult result = drain("{\"address\":\"" + FakeClusterAdmin.NODE_2 + "\"}");

    assertEquals(202, result.response().status().intValue());
    assertEquals("leaving", json(result).get("status").asText());
  }

  @Test
  void aDrainOfAnUnknownNodeIs400WithTheMembers() {
    cluster.rejection = new ClusterAdminException(ClusterAdminException.Reason.UNKNOWN_NODE,
        "'pekko://concierge@127.0.0.1:9' is not a member; the members are: x");

    assertMentions(assertError(drain("{\"address\":\"pekko://concierge@127.0.0.1:9\"}"), 400, "unknown_node"),
        "the members are");
  }

  @Test
  void aDrainWithoutAnAddressIs400() {
    assertMentions(assertError(drain("{\"node\":\"x\"}"), 400, "invalid_request"), "'address'");
    assertTrue(cluster.drains.isEmpty());
  }

  @Test
  void allocationShowsTheRebalanceSettingsInForceAndThePins() {
    JsonNode body = json(ok(call(HttpRequest.GET("/admin/allocation"))));

    assertEquals("least-shard-allocation with operator pins", body.get("strategy").asText());
    assertEquals("2s", body.get("rebalanceInterval").asText());
    assertEquals(5, body.get("rebalanceAbsoluteLimit").asInt());
    assertEquals(0.1, body.get("rebalanceRelativeLimit").asDouble());
    assertEquals("30m", body.get("passivation").get("idleTimeout").asText());
    assertEquals(100_000, body.get("passivation").get("activeEntityLimit").asInt());
    assertEquals(FakeClusterAdmin.NODE_2, body.get("pins").get("7").asText());
  }

  private TestRouteResult move(String shardId, String body) {
    return call(HttpRequest.POST("/admin/shards/" + shardId + "/move").withEntity(ContentTypes.APPLICATION_JSON, body));
  }

  private TestRouteResult drain(String body) {
    return call(HttpRequest.POST("/admin/nodes/drain").withEntity(ContentTypes.APPLICATION_JSON, body));
  }

  private TestRouteResult call(HttpRequest request) {
    return testRoute(new RouteFixture().clusterAdmin(cluster).route())
        .run(request.addHeader(Authorization.oauth2(RouteFixture.ADMIN_TOKEN)));
  }

  private static TestRouteResult ok(TestRouteResult result) {
    assertEquals(200, result.response().status().intValue(), result.entityString());
    return result;
  }
}
