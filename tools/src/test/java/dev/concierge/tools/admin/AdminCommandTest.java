package dev.concierge.tools.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.concierge.tools.ToolRun;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The operator's admin commands against a stand-in admin API: what they send, print and exit with. */
class AdminCommandTest {

  private static final String TOKEN = "s3cret";
  private static final String NODE1 = "pekko://concierge@127.0.0.1:2551";
  private static final String NODE2 = "pekko://concierge@127.0.0.1:2552";
  private static final String NODE3 = "pekko://concierge@127.0.0.1:2553";
  private static final String MEMBERS = members(member(NODE1, "Up", true), member(NODE2, "Up", true),
      member(NODE3, "Up", false));
  private static final String SHARDS = """
      {"numberOfShards":100,
       "nodes":[{"address":"%s","shards":34,"entities":1700},{"address":"%s","shards":33,"entities":1650}],
       "shards":[{"shardId":"17","node":"%s","entities":50,"eventsPerMinute":1200,"decisionsPerMinute":300},
                 {"shardId":"4","node":"%s","entities":61,"eventsPerMinute":800,"decisionsPerMinute":20},
                 {"shardId":"93","node":"%s","entities":2,"eventsPerMinute":1,"decisionsPerMinute":0}],
       "unreachableNodes":["%s"]}
      """.formatted(NODE1, NODE2, NODE1, NODE2, NODE1, NODE3);

  @TempDir Path dir;
  private FakeAdminApi api;

  @BeforeEach
  void startApi() throws IOException {
    api = FakeAdminApi.start().answer("GET", Members.PATH, 200, MEMBERS);
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  @Test
  void everyCommandExplainsItselfWithHelpWithoutATokenOrANode() {
    for (String command : List.of("members", "shards", "move", "drain", "allocation", "models", "experiments")) {
      ToolRun help = runWith(noToken(), command, "--help");

      assertEquals(0, help.exitCode(), command);
      assertTrue(help.out().startsWith("Usage: concierge admin " + command), help.out());
      assertTrue(help.out().contains("--url=URL") && help.out().contains("--token=T") && help.out().contains("--json"),
          "every command documents the global options");
    }
    ToolRun overview = runWith(noToken(), "--help");
    assertEquals(0, overview.exitCode());
    assertTrue(overview.out().contains("drain") && overview.out().contains("rolling-restart"), overview.out());
    assertTrue(api.requests().isEmpty());
  }

  @Test
  void membersIsATableMarkingTheLeaderTheOldestAndTheNodeThatAnswered() {
    ToolRun members = admin("members");

    assertEquals(0, members.exitCode(), members.err());
    List<String> lines = members.out().lines().toList();
    assertEquals(4, lines.size(), members.out());
    assertTrue(lines.get(0).matches("ADDRESS +STATUS +REACHABLE +ROLES"), lines.get(0));
    assertTrue(lines.get(1).matches(NODE1 + " +Up +yes +dc-default +leader, oldest, self"), lines.get(1));
    assertTrue(lines.get(3).matches(NODE3 + " +Up +NO +dc-default"), lines.get(3));
    assertEquals("Bearer " + TOKEN, api.requests().get(0).authorization());
  }

  @Test
  void theTokenComesFromTheOptionThenTheEnvironmentThenTheLaunchersFile() throws IOException {
    Path file = dir.resolve("admin-token");
    Files.writeString(file, "from-file\n");
    Map<String, String> withFile = Map.of("CONCIERGE_ADMIN_TOKEN_FILE", file.toString());
    Map<String, String> withVariable =
        Map.of("CONCIERGE_ADMIN_TOKEN", "from-env", "CONCIERGE_ADMIN_TOKEN_FILE", file.toString());
    Map<String, String> withStateDir = Map.of("CONCIERGE_STATE_DIR", dir.toString());

    runWith(withFile, "members", "--url", api.url().toString());
    runWith(withVariable, "members", "--url", api.url().toString());
    runWith(withVariable, "members", "--url", api.url().toString(), "--token", "from-option");
    runWith(withStateDir, "members", "--url", api.url().toString());

    assertEquals(List.of("Bearer from-file", "Bearer from-env", "Bearer from-option", "Bearer from-file"),
        api.requests().stream().map(FakeAdminApi.Request::authorization).toList());
  }

  @Test
  void withoutATokenItSaysHowToGetOneAndAsksNothing() {
    ToolRun members = runWith(noToken(), "members", "--url", api.url().toString());

    assertEquals(1, members.exitCode());
    assertTrue(members.err().startsWith("error: no admin token"), members.err());
    assertTrue(members.err().contains("CONCIERGE_ADMIN_TOKEN") && members.err().contains("bin/concierge dev and cluster start")
        && members.err().contains(dir.resolve("none").toString()), members.err());
    assertTrue(api.requests().isEmpty());
  }

  @Test
  void theUrlComesFromTheEnvironmentWhenNotGiven() {
    Map<String, String> environment = Map.of("CONCIERGE_ADMIN_URL", api.url() + "/", "CONCIERGE_ADMIN_TOKEN", TOKEN);

    ToolRun members = runWith(environment, "members");

    assertEquals(0, members.exitCode(), members.err());
    assertEquals(1, api.requests(("GET"), Members.PATH).size());
  }

  @Test
  void withNoFlagsItAsksTheNodeThatDevStartedWithTheTokenDevWrote() throws IOException {
    Files.writeString(dir.resolve("admin-token"), "dev-token\n");
    Files.writeString(dir.resolve("admin-urls"), "# written by bin/concierge dev\n" + api.url() + "\n");

    ToolRun members = runWith(Map.of("CONCIERGE_STATE_DIR", dir.toString()), "members");

    assertEquals(0, members.exitCode(), members.err());
    assertEquals(List.of("Bearer dev-token"),
        api.requests("GET", Members.PATH).stream().map(FakeAdminApi.Request::authorization).toList());
  }

  @Test
  void ofTheRecordedNodesItAsksTheFirstThatAcceptsAConnectionAndTheFlagsOverrideThem() throws IOException {
    String down = unusedUrl();
    Files.writeString(dir.resolve("admin-urls"), down + "\n" + api.url() + "\n");
    Map<String, String> cluster = Map.of("CONCIERGE_STATE_DIR", dir.toString());

    assertEquals(0, runWith(cluster, "members", "--token", TOKEN).exitCode());
    assertEquals(1, api.requests("GET", Members.PATH).size());

    ToolRun overridden = runWith(cluster, "--url", down, "members", "--token", TOKEN);
    assertEquals(1, overridden.exitCode());
    assertTrue(overridden.err().startsWith("error: cannot connect to " + down), overridden.err());
  }

  @Test
  void tokenCreateWritesOneTokenOnceReadableByItsOwnerOnlyAndThenPrintsIt() throws IOException {
    Map<String, String> launcher = Map.of("CONCIERGE_STATE_DIR", dir.resolve("state").toString());

    ToolRun none = runWith(launcher, "token");
    ToolRun created = runWith(launcher, "token", "--create");
    ToolRun again = runWith(launcher, "token", "--create");
    ToolRun read = runWith(launcher, "token");

    assertEquals(1, none.exitCode());
    assertTrue(none.err().startsWith("error: no admin token"), none.err());
    assertEquals(0, created.exitCode(), created.err());
    String token = created.out().strip();
    assertTrue(token.matches("[0-9a-f]{64}"), token);
    assertTrue(created.err().contains("created an admin token in"), created.err());
    Path file = dir.resolve("state").resolve("admin-token");
    assertEquals(token, Files.readString(file).strip());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(token, again.out().strip());
    assertEquals("", again.err());
    assertEquals(token, read.out().strip());
    assertEquals("from-env",
        runWith(Map.of("CONCIERGE_ADMIN_TOKEN", "from-env"), "token", "--create").out().strip());
  }

  @Test
  void aNodeThatListedItsShardsLateIsNamedSoThatTheOperatorAsksAgain() {
    api.answer("GET", "/admin/shards", 200, SHARDS.replace(
        "\"unreachableNodes\":[\"" + NODE3 + "\"]}", "\"unreachableNodes\":[],\"lateNodes\":[\"" + NODE3 + "\"]}"));

    ToolRun shards = admin("shards", "--top", "2");

    assertEquals(0, shards.exitCode(), shards.err());
    assertTrue(shards.out().lines().anyMatch(line ->
        line.equals("did not list their shards in time, not counted (ask again): " + NODE3)), shards.out());
    assertTrue(shards.out().lines().noneMatch(line -> line.startsWith("unreachable")), shards.out());
  }

  @Test
  void shardsArePerNodeThenTheHottestFirst() {
    api.answer("GET", "/admin/shards", 200, SHARDS);

    ToolRun shards = admin("shards", "--top", "2");

    assertEquals(0, shards.exitCode(), shards.err());
    List<String> lines = shards.out().lines().toList();
    assertEquals("100 shards", lines.get(0));
    assertTrue(lines.get(1).matches("NODE +SHARDS +ENTITIES"), lines.get(1));
    assertTrue(lines.get(2).matches(NODE1 + " +34 +1700"), lines.get(2));
    assertEquals("unreachable, not counted: " + NODE3, lines.get(4));
    assertEquals("hottest 2 of 3 allocated shards", lines.get(6));
    assertTrue(lines.get(8).matches("17 +" + NODE1 + " +50 +1200 +300"), lines.get(8));
    assertTrue(lines.get(9).matches("4 +" + NODE2 + " +61 +800 +20"), lines.get(9));
    assertEquals(10, lines.size(), "shard 93 is not among the top 2");
  }

  @Test
  void jsonPrintsTheServersAnswerAsItCame() throws IOException {
    api.answer("GET", "/admin/shards", 200, SHARDS);

    ToolRun shards = admin("shards", "--json");

    assertEquals(0, shards.exitCode(), shards.err());
    assertEquals(new ObjectMapper().readTree(SHARDS), new ObjectMapper().readTree(shards.out()));
  }

  @Test
  void moveResolvesALocalNameToTheMembersAddressAndSaysWhereTheShardWent() {
    answerMove(200, "moved", NODE2);

    ToolRun moved = admin("move", "17", "--to", "local2");

    assertEquals(0, moved.exitCode(), moved.err());
    assertEquals("shard 17 moved from " + NODE1 + " to " + NODE2 + " in 1234 ms", moved.out().strip());
    FakeAdminApi.Request request = api.requests("POST", "/admin/shards/17/move").get(0);
    assertEquals("{\"to\":\"" + NODE2 + "\"}", request.text());
    assertEquals("Bearer " + TOKEN, request.authorization());
    assertEquals("application/json", request.contentType());
  }

  @ParameterizedTest
  @ValueSource(strings = {"local3", "127.0.0.1:2553", "localhost:2553", NODE3})
  void everyFormOfNodeNamesTheSameMember(String node) {
    answerMove(200, "pinned", NODE3);

    ToolRun pinned = admin("move", "17", "--to", node);

    assertEquals(0, pinned.exitCode(), pinned.err());
    assertEquals("{\"to\":\"" + NODE3 + "\"}", api.requests("POST", "/admin/shards/17/move").get(0).text());
    assertTrue(pinned.out().contains("not running now; pinned to " + NODE3), pinned.out());
  }

  @Test
  void aNodeThatIsNoMemberIsRefusedWithTheListOfMembersAndNothingMoves() {
    ToolRun refused = admin("move", "17", "--to", "localhost:2557");

    assertEquals(1, refused.exitCode());
    assertTrue(refused.err().contains("no member of the cluster is 'localhost:2557' (127.0.0.1:2557)"), refused.err());
    assertTrue(refused.err().contains(NODE1 + " (Up), " + NODE2 + " (Up), " + NODE3 + " (Up)"), refused.err());
    assertTrue(api.requests("POST", "/admin/shards/17/move").isEmpty());
  }

  @Test
  void aMoveStillGoingOnWhenTheServerStopsWaitingSaysSo() {
    answerMove(202, "pending", NODE2);

    ToolRun pending = admin("move", "17", "--to", "127.0.0.1:2552");

    assertEquals(0, pending.exitCode(), pending.err());
    assertTrue(pending.out().contains("still moving to " + NODE2), pending.out());
    assertTrue(pending.out().contains("bin/concierge admin shards"), pending.out());
  }

  @Test
  void aBadRequestShowsTheServersMessage() {
    api.answer("POST", "/admin/shards/abc/move", 400,
        "{\"error\":\"invalid_request\",\"message\":\"shard id 'abc' is not one of 0..99\"}");

    ToolRun refused = admin("move", "abc", "--to", "local2");

    assertEquals(1, refused.exitCode());
    assertTrue(refused.err().startsWith("error: shard id 'abc' is not one of 0..99 (HTTP 400 invalid_request from"
        + " POST " + api.url() + "/admin/shards/abc/move)"), refused.err());
  }

  @Test
  void aRefusedTokenShowsTheServersMessageAndWhereTheTokenCameFrom() throws IOException {
    try (FakeAdminApi locked = FakeAdminApi.start()) {
      locked.answer("GET", Members.PATH, 401,
          "{\"error\":\"unauthorized\",\"message\":\"send the admin token as 'Authorization: Bearer <token>'\"}");

      ToolRun refused = runWith(noToken(), "members", "--url", locked.url().toString(), "--token", "wrong");

      assertEquals(1, refused.exitCode());
      assertTrue(refused.err().startsWith("error: send the admin token as 'Authorization: Bearer <token>'; the token"
          + " came from --token"), refused.err());
      assertTrue(refused.err().contains("HTTP 401 unauthorized"), refused.err());
    }
  }

  @Test
  void aTokenThatIsNotTheClustersShowsTheServersMessageAndWhereTheStaleTokenCameFrom() throws IOException {
    String forbidden = "the bearer token is not this cluster's admin token; send the token the nodes were started with";
    try (FakeAdminApi locked = FakeAdminApi.start()) {
      locked.answer("GET", Members.PATH, 403, "{\"error\":\"forbidden\",\"message\":\"" + forbidden + "\"}");
      Map<String, String> stale = Map.of("CONCIERGE_ADMIN_TOKEN", "stale-token",
          "CONCIERGE_ADMIN_TOKEN_FILE", dir.resolve("none").toString());

      ToolRun refused = runWith(stale, "members", "--url", locked.url().toString());

      assertEquals(1, refused.exitCode());
      assertTrue(refused.err().startsWith("error: " + forbidden + "; the token sent came from CONCIERGE_ADMIN_TOKEN"
          + " (this command takes --token first, then CONCIERGE_ADMIN_TOKEN, then the launcher's token file)"),
          refused.err());
      assertTrue(refused.err().contains("HTTP 403 forbidden"), refused.err());
      assertFalse(refused.err().contains("stale-token"), "the token itself is never printed: " + refused.err());
      assertTrue(refused.out().isEmpty(), refused.out());
    }
  }

  @Test
  void aNodeThatDoesNotRunIsNamedWithTheWayToCheckTheCluster() throws IOException {
    String url = unusedUrl();

    ToolRun refused = runWith(noToken(), "members", "--url", url, "--token", TOKEN);

    assertEquals(1, refused.exitCode());
    assertTrue(refused.err().startsWith("error: cannot connect to " + url + " (connection refused)"), refused.err());
    assertTrue(refused.err().contains("bin/concierge cluster status"), refused.err());
  }

  @Test
  void drainAsksAnotherNodeAndFollowsTheMemberUntilItIsRemoved() {
    api.answer("POST", "/admin/nodes/drain", 202, "{\"address\":\"" + NODE3 + "\",\"status\":\"leaving\"}")
        .answer("GET", Members.PATH, 200, membersWith(member(NODE3, "Leaving", true)))
        .answer("GET", Members.PATH, 200, membersWith(member(NODE3, "Exiting", true)))
        .answer("GET", Members.PATH, 200, membersWith());

    ToolRun drained = admin("drain", "local3");

    assertEquals(0, drained.exitCode(), drained.err());
    assertEquals("{\"address\":\"" + NODE3 + "\"}", api.requests("POST", "/admin/nodes/drain").get(0).text());
    assertTrue(drained.out().startsWith("drained " + NODE3 + ": removed from the cluster after "), drained.out());
    List<String> progress = drained.err().lines().toList();
    assertEquals("draining " + NODE3 + " through " + api.url() + " ...", progress.get(0));
    assertTrue(progress.get(1).startsWith("  " + NODE3 + ": Leaving after "), drained.err());
    assertTrue(progress.get(2).startsWith("  " + NODE3 + ": Exiting after "), drained.err());
    assertTrue(progress.get(3).startsWith("  " + NODE3 + ": Removed after "), drained.err());
  }

  @Test
  void aDrainThatDoesNotEndInTimeFailsSayingItGoesOn() {
    api.answer("POST", "/admin/nodes/drain", 202, "{\"address\":\"" + NODE3 + "\",\"status\":\"leaving\"}")
        .answer("GET", Members.PATH, 200, membersWith(member(NODE3, "Leaving", true)));

    ToolRun late = admin("drain", "local3", "--timeout", "1");

    assertEquals(1, late.exitCode());
    assertTrue(late.err().contains("error: " + NODE3 + " is still Leaving after 1s; the drain goes on"), late.err());
    assertEquals("", late.out());
  }

  @Test
  void drainingTheNodeAskedGoesThroughAnotherUpLocalMemberAtTheUrlItsHoconFileGives() {
    URI asked = URI.create("http://127.0.0.1:8081");
    Members cluster = Members.from(json(members(member(NODE1, "Up", true), member(NODE2, "Leaving", true),
        member(NODE3, "Up", true))));
    Members remote = Members.from(json(members(member(NODE1, "Up", true),
        member("pekko://concierge@10.0.0.7:25520", "Up", true))));

    assertEquals(Optional.of(asked), DrainCommand.via(asked, cluster, NODE2));
    String local3 = "http://127.0.0.1:" + ConfigFactory.load("local3").getInt("concierge.http.port");
    assertEquals(Optional.of(URI.create(local3)), DrainCommand.via(asked, cluster, NODE1));
    assertEquals(Optional.empty(), DrainCommand.via(asked, remote, NODE1));
  }

  @Test
  void drainingTheNodeAskedWithNoOtherLocalMemberAsksForVia() throws IOException {
    try (FakeAdminApi remote = FakeAdminApi.start()) {
      remote.answer("GET", Members.PATH, 200, members(member(NODE1, "Up", true),
          member("pekko://concierge@10.0.0.7:25520", "Up", true)));

      ToolRun refused = runWith(noToken(), "drain", NODE1, "--url", remote.url().toString(), "--token", TOKEN);

      assertEquals(2, refused.exitCode(), refused.err());
      assertTrue(refused.err().contains("pass --via URL of another node"), refused.err());
      assertTrue(remote.requests("POST", "/admin/nodes/drain").isEmpty());
    }
  }

  @Test
  void allocationPrintsEverySettingTheServerSendsIncludingNewOnes() {
    api.answer("GET", "/admin/allocation", 200, """
        {"strategy":"least-shard-allocation with operator pins","numberOfShards":100,"rebalanceInterval":"2s",
         "passivation":{"idleTimeout":"30m","activeEntityLimit":100000},"pins":{"17":"%s"},"roles":[],
         "addedLater":{"deep":{"key":true}}}
        """.formatted(NODE2));

    ToolRun allocation = admin("allocation");

    assertEquals(0, allocation.exitCode(), allocation.err());
    List<String> lines = allocation.out().lines().toList();
    assertTrue(lines.get(0).matches("SETTING +VALUE"), lines.get(0));
    assertTrue(lines.get(1).matches("strategy +least-shard-allocation with operator pins"), lines.get(1));
    assertTrue(lines.contains(row("passivation.idleTimeout", "30m", lines.get(0))), allocation.out());
    assertTrue(lines.contains(row("passivation.activeEntityLimit", "100000", lines.get(0))), allocation.out());
    assertTrue(lines.contains(row("pins.17", NODE2, lines.get(0))), allocation.out());
    assertTrue(lines.contains(row("roles", "(none)", lines.get(0))), allocation.out());
    assertTrue(lines.contains(row("addedLater.deep.key", "true", lines.get(0))), allocation.out());
  }

  @Test
  void experimentsSetSendsTheArmsAndShowsTheResultingAssignment() {
    api.answer("PUT", "/admin/experiments/homepage", 200,
        "{\"activeVersion\":\"v1\",\"experiments\":{\"homepage\":{\"arms\":{\"v1\":0.5,\"v2\":0.5}}}}");

    ToolRun set = admin("experiments", "set", "homepage", "v1=0.5,v2=0.5");

    assertEquals(0, set.exitCode(), set.err());
    assertEquals("{\"arms\":{\"v1\":0.5,\"v2\":0.5}}", api.requests("PUT", "/admin/experiments/homepage").get(0).text());
    List<String> lines = set.out().lines().toList();
    assertEquals("active version: v1", lines.get(0));
    assertTrue(lines.get(2).matches("homepage +v1=0.5, v2=0.5"), set.out());
  }

  @Test
  void modelsPublishUploadsTheBundleFileAsIs() throws IOException {
    Path bundle = dir.resolve("lr.bundle");
    byte[] bytes = {80, 75, 3, 4, 0, -1, 42};
    Files.write(bundle, bytes);
    api.answer("POST", "/admin/models", 201, "{\"version\":\"lr-1\",\"kind\":\"logistic-regression\"}");

    ToolRun published = admin("models", "publish", bundle.toString());

    assertEquals(0, published.exitCode(), published.err());
    FakeAdminApi.Request upload = api.requests("POST", "/admin/models").get(0);
    assertArrayEquals(bytes, upload.body());
    assertEquals("application/octet-stream", upload.contentType());
    assertTrue(published.out().startsWith("published lr-1 (logistic-regression)"), published.out());
  }

  @Test
  void modelsListMarksTheActiveAndLoadedBundles() {
    api.answer("GET", "/admin/models", 200, """
        {"assignment":{"activeVersion":"lr-1","experiments":{}},"loadedHere":["lr-1"],
         "bundles":[{"version":"lr-1","kind":"logistic-regression","publishedAt":"2026-11-01T10:00:00Z",
                     "metadata":{"dataUntil":"2026-10-24T00:00:00Z","trainingRows":5120,"metrics":{"auc":0.81234}}},
                    {"version":"gbt-1","kind":"gradient-boosted-trees","publishedAt":"2026-11-01T11:00:00Z",
                     "metadata":{"dataUntil":"2026-10-24T00:00:00Z","trainingRows":5120,"metrics":{"auc":0.84}}}]}
        """);

    ToolRun models = admin("models");

    assertEquals(0, models.exitCode(), models.err());
    List<String> lines = models.out().lines().toList();
    assertTrue(lines.get(1).matches("lr-1 +logistic-regression .* 5120 +auc=0.812 +active, loaded here"), lines.get(1));
    assertTrue(lines.get(2).matches("gbt-1 +gradient-boosted-trees .* 5120 +auc=0.840"), lines.get(2));
    assertTrue(lines.contains("active version: lr-1") && lines.contains("experiments: (none)"), models.out());
    assertEquals(models.out(), admin("models", "list").out(), "list is what models does without an action");
  }

  @Test
  void modelsListSaysWhenThisNodeKeepsFailingToInstallTheLatestAssignment() {
    api.answer("GET", "/admin/models", 200, """
        {"assignment":{"activeVersion":"lr-1","experiments":{}},"loadedHere":["lr-1"],
         "install":{"servingGeneration":3,"latestGeneration":4,"failedAttempts":2,"lastFailure":"store down"},
         "bundles":[]}
        """);

    ToolRun models = admin("models");

    assertEquals(0, models.exitCode(), models.err());
    assertTrue(models.out().contains(
        "install of generation 4 failed 2 times on this node (store down); serving generation 3 until a retry succeeds"),
        models.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "frobnicate", "move 17", "move --to local2", "move 17 18 --to local2",
      "move 17 --to nowhere", "move 17 --to local7", "shards --top 0", "drain", "members --bogus", "experiments set x v1",
      "experiments set x v1=half", "models publish", "models publish /no/such.bundle"})
  void badCommandLinesAreUsageErrorsThatAskNothing(String commandLine) {
    ToolRun wrong = admin(commandLine.isEmpty() ? new String[0] : commandLine.split(" "));

    assertEquals(2, wrong.exitCode(), wrong.err());
    assertTrue(wrong.err().startsWith("error: "), wrong.err());
    assertEquals(1, wrong.err().lines().count(), "one line: " + wrong.err());
    assertTrue(wrong.err().contains("--help"), "says where the help is: " + wrong.err());
    assertTrue(api.requests().isEmpty(), commandLine);
  }

  @Test
  void aUrlThatIsNotHttpIsAUsageError() {
    ToolRun wrong = runWith(noToken(), "members", "--url", "ftp://127.0.0.1:8081", "--token", TOKEN);

    assertEquals(2, wrong.exitCode());
    assertTrue(wrong.err().startsWith("error: Invalid value for option '--url'"), wrong.err());
    assertTrue(wrong.err().contains("must be an http:// or https:// URL"), wrong.err());
  }

  @Test
  void globalOptionsMayComeBeforeTheCommand() {
    ToolRun members = runWith(noToken(), "--token", TOKEN, "--url", api.url().toString(), "members");

    assertEquals(0, members.exitCode(), members.err());
    assertFalse(members.out().isEmpty());
  }

  private ToolRun admin(String... args) {
    String[] withNode = Stream.concat(Stream.of("--url", api.url().toString(), "--token", TOKEN), Stream.of(args))
        .toArray(String[]::new);
    return runWith(noToken(), withNode);
  }

  /** How the node answers a move of shard 17 from the first node. */
  private void answerMove(int httpStatus, String status, String to) {
    api.answer("POST", "/admin/shards/17/move", httpStatus, """
        {"shardId":"17","from":"%s","to":"%s","status":"%s","tookMs":1234}
        """.formatted(NODE1, to, status));
  }

  private Map<String, String> noToken() {
    return Map.of("CONCIERGE_ADMIN_TOKEN_FILE", dir.resolve("none").toString());
  }

  private static ToolRun runWith(Map<String, String> environment, String... args) {
    return ToolRun.concierge(environment, Stream.concat(Stream.of("admin"), Stream.of(args)).toArray(String[]::new));
  }

  /** The URL of a port where nothing listens. */
  private static String unusedUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  /** The line of a two-column table whose header is {@code header}, values aligned under it. */
  private static String row(String key, String value, String header) {
    int valueColumn = header.indexOf("VALUE");
    return key + " ".repeat(valueColumn - key.length()) + value;
  }

  private static String member(String address, String status, boolean reachable) {
    return "{\"address\":\"%s\",\"status\":\"%s\",\"roles\":[\"dc-default\"],\"reachable\":%s}"
        .formatted(address, status, reachable);
  }

  private static String members(String... members) {
    return "{\"self\":\"%s\",\"leader\":\"%s\",\"oldest\":\"%s\",\"members\":[%s]}"
        .formatted(NODE1, NODE1, NODE1, String.join(",", members));
  }

  /** The first two nodes Up, and the given ones. */
  private static String membersWith(String... others) {
    return members(Stream.concat(Stream.of(member(NODE1, "Up", true), member(NODE2, "Up", true)),
        Stream.of(others)).toArray(String[]::new));
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
