package dev.concierge.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.dto.AdminRequests;
import dev.concierge.api.dto.CatalogRequests;
import dev.concierge.models.Catalog;
import dev.concierge.persistence.json.CatalogJson;
import java.util.concurrent.CompletableFuture;
import dev.concierge.engine.model.BundleStore;
import dev.concierge.engine.model.BundleSummary;
import dev.concierge.engine.model.InstallStatus;
import dev.concierge.engine.model.ModelRegistry;
import dev.concierge.models.recommend.BundleMetadata;
import dev.concierge.models.recommend.ModelAssignment;
import dev.concierge.models.scoring.FeatureSchemaMismatchException;
import dev.concierge.models.scoring.ModelCompilationException;
import dev.concierge.persistence.bundle.InvalidBundleException;
import dev.concierge.persistence.bundle.BundleArchive;
import dev.concierge.persistence.bundle.BundleLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.Authorization;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.testkit.TestRouteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AdminRoutesTest extends RouteTestSupport {

  // the node's limits, but for bytes small enough that a deflate bomb fits in the fixture's upload limit
  private static final BundleLimits HOSTILE_LIMITS = new BundleLimits(64 * 1024, 128 * 1024,
      BundleLimits.configured().maxDimensions(), BundleLimits.configured().maxItems(),
      BundleLimits.configured().maxNeighboursPerItem());
  private static final Instant PUBLISHED_AT = Instant.parse("2026-11-20T09:30:00Z");

  private static final BundleSummary V2 =
      new BundleSummary(
          "v2",
          "xgboost",
          PUBLISHED_AT,
          new BundleMetadata(
              Instant.parse("2026-11-19T08:00:00Z"),
              Instant.parse("2026-08-01T00:00:00Z"),
              Instant.parse("2026-11-01T00:00:00Z"),
              120_000L,
              48_000L,
              Map.of("auc", 0.81, "hitRate@10", 0.27),
              "trainer=xgboost depth=6 code=08e57a3"));

  private static final ModelAssignment V1_WITH_EXPERIMENT =
      new ModelAssignment("v1", Map.of("trees-vs-linear", Map.of("v1", 0.75, "v2", 0.25)));

  // ---------------------------------------------------------------- authorization

  /** One request per admin operation, each valid apart from its (missing) credentials. */
  static Stream<Arguments> everyAdminOperation() {
    return Stream.of(
        Arguments.of("list models", HttpRequest.GET("/admin/models")),
        Arguments.of("publish", bundleUpload(new byte[] {1, 2, 3})),
        Arguments.of("activate", HttpRequest.POST("/admin/models/v2/activate")),
        Arguments.of("load catalog items", HttpRequest.PUT("/admin/catalog/items")
            .withEntity(ContentTypes.APPLICATION_JSON, "[{\"itemId\":\"sku-1\",\"category\":\"tents\"}]")),
        Arguments.of("list experiments", HttpRequest.GET("/admin/experiments")),
        Arguments.of(
            "put experiment",
            HttpRequest.PUT("/admin/experiments/ab")
                .withEntity(ContentTypes.APPLICATION_JSON, "{\"arms\":{\"v1\":1}}")),
        Arguments.of("members", HttpRequest.GET("/admin/members")),
        Arguments.of("shards", HttpRequest.GET("/admin/shards")),
        Arguments.of("allocation", HttpRequest.GET("/admin/allocation")),
        Arguments.of(
            "move a shard",
            HttpRequest.POST("/admin/shards/7/move")
                .withEntity(ContentTypes.APPLICATION_JSON, "{\"to\":\"" + FakeClusterAdmin.NODE_2 + "\"}")),
        Arguments.of(
            "drain a node",
            HttpRequest.POST("/admin/nodes/drain")
                .withEntity(ContentTypes.APPLICATION_JSON, "{\"address\":\"" + FakeClusterAdmin.NODE_2 + "\"}")));
  }

  @ParameterizedTest(name = "{0} without Authorization is 401")
  @MethodSource("everyAdminOperation")
  void missingAuthorizationIs401WithABearerChallengeAndNeverReachesTheModels(String operation, HttpRequest request) {
    FakeModelAdmin admin = new FakeModelAdmin();

    TestRouteResult result = testRoute(route(admin)).run(request);

    String message = assertError(result, 401, "unauthorized");
    assertMentions(message, "Bearer");
    assertBearerChallenge(result);
    assertFalse(admin.touched, "an unauthorised request never reaches the model admin");
  }

  @ParameterizedTest(name = "{0} with a wrong token is 403")
  @MethodSource("everyAdminOperation")
  void wrongTokenIs403ForbiddenOnEveryOperation(String operation, HttpRequest request) {
    FakeModelAdmin admin = new FakeModelAdmin();

    TestRouteResult result = testRoute(route(admin)).run(request.addHeader(Authorization.oauth2("not-the-token")));

    assertError(result, 403, "forbidden");
    assertFalse(admin.touched);
    assertTrue(admin.publishedArchives.isEmpty() && admin.activatedVersions.isEmpty() && admin.experimentArms.isEmpty());
  }

  @ParameterizedTest(name = "Authorization: \"{0}\" is 401")
  @ValueSource(
      strings = {
        "Bearer ", // the scheme without a token: no credential was given
        "Bearer \t ",
        "Bearer",
        "",
        "s3cret-token", // no scheme
        "Bearers3cret-token", // no space
        "Token s3cret-token",
        "Basic czNjcmV0LXRva2Vu", // the token as Basic credentials
        "basic czNjcmV0LXRva2Vu"
      })
  void withoutABearerCredentialIs401WithABearerChallenge(String authorization) {
    FakeModelAdmin admin = new FakeModelAdmin();

    TestRouteResult result =
        testRoute(route(admin)).run(HttpRequest.GET("/admin/models").addHeader(RawHeader.create("Authorization", authorization)));

    assertError(result, 401, "unauthorized");
    assertBearerChallenge(result);
    assertFalse(admin.touched);
  }

  @ParameterizedTest(name = "Authorization: \"{0}\" is 403")
  @ValueSource(
      strings = {
        "Bearer s3cret-token-and-more", // the token as a prefix
        "Bearer s3cret", // a prefix of the token
        "Bearer S3CRET-TOKEN", // the token is case-sensitive
        "bearer not-the-token", // the scheme is case-insensitive whatever the token
        "BEARER not-the-token"
      })
  void aBearerTokenThatIsNotTheAdminTokenIs403SayingWhereTheTokenIsConfigured(String authorization) {
    FakeModelAdmin admin = new FakeModelAdmin();

    TestRouteResult result =
        testRoute(route(admin)).run(HttpRequest.GET("/admin/models").addHeader(RawHeader.create("Authorization", authorization)));

    String message = assertError(result, 403, "forbidden");
    assertMentions(message, "not this cluster's admin token", "CONCIERGE_ADMIN_TOKEN", "concierge.admin.token",
        ".concierge/admin-token");
    assertTrue(result.response().getHeader("WWW-Authenticate").isEmpty(),
        "a 403 asks for no credentials: the client sent one, and sending it again would not help");
    assertFalse(admin.touched);
  }

  @Test
  void aWrongTokenIsNotEchoedInTheAnswer() {
    String guess = "guessed-token-4711";

    TestRouteResult result = testRoute(route(new FakeModelAdmin()))
        .run(HttpRequest.GET("/admin/models").addHeader(Authorization.oauth2(guess)));

    assertError(result, 403, "forbidden");
    assertFalse(result.entityString().contains(guess), result.entityString());
    result.response().getHeaders().forEach(header -> assertFalse(header.value().contains(guess), header.toString()));
  }

  @ParameterizedTest(name = "scheme \"{0}\" is let in")
  @ValueSource(strings = {"bearer", "BEARER", "Bearer"})
  void theBearerSchemeIsCaseInsensitiveButTheTokenIsNot(String scheme) {
    FakeModelAdmin admin = new FakeModelAdmin();

    TestRouteResult result = testRoute(route(admin)).run(HttpRequest.GET("/admin/models")
        .addHeader(RawHeader.create("Authorization", scheme + " " + RouteFixture.ADMIN_TOKEN)));

    assertEquals(200, result.response().status().intValue(), result.entityString());
  }

  @Test
  void theTokenAsABearerHeaderIsLetIn() {
    FakeModelAdmin admin = new FakeModelAdmin();

    testRoute(route(admin))
        .run(HttpRequest.GET("/admin/models").addHeader(RawHeader.create("Authorization", "Bearer " + RouteFixture.ADMIN_TOKEN)))
        .assertStatusCode(200);

    assertEquals(1, admin.listCalls);
  }

  @Test
  void spacesAroundTheTokenAreNotPartOfIt() {
    FakeModelAdmin admin = new FakeModelAdmin();

    testRoute(route(admin))
        .run(HttpRequest.GET("/admin/models")
            .addHeader(RawHeader.create("Authorization", "Bearer   " + RouteFixture.ADMIN_TOKEN + " ")))
        .assertStatusCode(200);

    assertEquals(1, admin.listCalls);
  }

  @Test
  void unauthorisedRequestToAnUnknownAdminPathIs401NotA404() {
    // the admin surface is not probed without credentials
    assertError(get(route(new FakeModelAdmin()), "/admin/nothing-here"), 401, "unauthorized");
  }

  @Test
  void aWrongTokenOnAnUnknownAdminPathIs403NotA404() {
    // nor with a wrong token
    TestRouteResult result = testRoute(route(new FakeModelAdmin()))
        .run(HttpRequest.GET("/admin/nothing-here").addHeader(Authorization.oauth2("not-the-token")));

    assertError(result, 403, "forbidden");
  }

  @ParameterizedTest(name = "{0} with the admin API off is 404 admin_disabled")
  @MethodSource("everyAdminOperation")
  void withoutAConfiguredTokenTheAdminApiIsOff(String operation, HttpRequest request) {
    FakeModelAdmin admin = new FakeModelAdmin();
    Route route = new RouteFixture().adminOff().modelAdmin(admin).route();

    TestRouteResult result = testRoute(route).run(request.addHeader(Authorization.oauth2(RouteFixture.ADMIN_TOKEN)));

    String message = assertError(result, 404, "admin_disabled");
    assertMentions(message, "CONCIERGE_ADMIN_TOKEN");
    assertFalse(admin.touched, "an admin API that is off never reaches the model admin");
  }

  @Test
  void withTheAdminApiOffAWrongTokenIs404NotA403() {
    Route route = new RouteFixture().adminOff().route();

    TestRouteResult result =
        testRoute(route).run(HttpRequest.GET("/admin/models").addHeader(Authorization.oauth2("not-the-token")));

    assertMentions(assertError(result, 404, "admin_disabled"), "CONCIERGE_ADMIN_TOKEN");
  }

  @Test
  void withTheAdminApiOffEvenARequestWithoutCredentialsIs404NotA401() {
    Route route = new RouteFixture().adminOff().route();

    TestRouteResult result = get(route, "/admin/models");

    assertMentions(assertError(result, 404, "admin_disabled"), "CONCIERGE_ADMIN_TOKEN");
    assertTrue(result.response().getHeader("WWW-Authenticate").isEmpty(), "nothing to authenticate against");
  }

  @ParameterizedTest(name = "token \"{0}\" turns the admin API off")
  @ValueSource(strings = {"", "   "})
  void aBlankTokenTurnsTheAdminApiOffRatherThanAcceptingAnEmptyBearer(String blank) {
    FakeModelAdmin admin = new FakeModelAdmin();
    ObjectMapper mapper = new ObjectMapper();
    JsonResponses responses = new JsonResponses(mapper.getFactory());
    Route route =
        new ErrorHandling(responses)
            .wrap(new AdminRoutes(
                new AdminAuth(Optional.of(blank), responses), RouteFixture.MAX_BUNDLE_BYTES, admin,
                new FakeClusterAdmin(),
                new CatalogRoutes(() -> Catalog.EMPTY, writes -> CompletableFuture.completedFuture(writes.size()),
                    new CatalogRequests(mapper, new CatalogJson(mapper)), responses, RouteFixture.MAX_CATALOG_BODY_BYTES),
                responses,
                new AdminRequests(mapper, RouteFixture.PRODUCTION_SETTINGS.limits())).route());

    TestRouteResult result =
        testRoute(route).run(HttpRequest.GET("/admin/models").addHeader(RawHeader.create("Authorization", "Bearer " + blank)));

    assertMentions(assertError(result, 404, "admin_disabled"), "CONCIERGE_ADMIN_TOKEN");
    assertFalse(admin.touched);
  }

  // ---------------------------------------------------------------- GET /admin/models

  @Test
  void listingReportsTheBundlesTheAssignmentAndWhatIsLoadedHere() {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.bundles = List.of(V2);
    admin.assignment = V1_WITH_EXPERIMENT;
    admin.loadedHere = Set.of("v2", "v1");

    TestRouteResult result = authorized(route(admin), HttpRequest.GET("/admin/models"));

    result.assertStatusCode(200).assertContentType(ContentTypes.APPLICATION_JSON);
    JsonNode body = json(result);
    assertEquals(List.of("assignment", "loadedHere", "install", "bundles"), fieldNames(body));

    JsonNode assignment = body.get("assignment");
    assertEquals(List.of("activeVersion", "experiments"), fieldNames(assignment));
    assertEquals("v1", assignment.get("activeVersion").asText());
    assertEquals(List.of("trees-vs-linear"), fieldNames(assignment.get("experiments")));
    JsonNode experiment = assignment.get("experiments").get("trees-vs-linear");
    assertEquals(List.of("arms"), fieldNames(experiment));
    assertEquals(List.of("v1", "v2"), fieldNames(experiment.get("arms")), "arms in version order");
    assertTrue(experiment.get("arms").get("v1").isNumber());
    assertEquals(0.75, experiment.get("arms").get("v1").asDouble(), 0.0);
    assertEquals(0.25, experiment.get("arms").get("v2").asDouble(), 0.0);

    assertTrue(body.get("loadedHere").isArray());
    assertEquals(List.of("v1", "v2"), texts(body.get("loadedHere")), "loaded versions, sorted");

    assertTrue(body.get("bundles").isArray());
    assertEquals(1, body.get("bundles").size());
    assertBundleV2(body.get("bundles").get(0));
    assertEquals(1, admin.listCalls);
  }

  @Test
  void listingShowsAnInstallThatKeepsFailingWithItsTriesAndWhy() {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.install = new InstallStatus(3, 4, 2, "java.lang.IllegalStateException: Cassandra is down");

    JsonNode install = json(authorized(route(admin), HttpRequest.GET("/admin/models"))).get("install");

    assertEquals(List.of("servingGeneration", "latestGeneration", "failedAttempts", "lastFailure"), fieldNames(install));
    assertEquals(3, install.get("servingGeneration").asLong());
    assertEquals(4, install.get("latestGeneration").asLong());
    assertEquals(2, install.get("failedAttempts").asInt());
    assertEquals("java.lang.IllegalStateException: Cassandra is down", install.get("lastFailure").asText());
  }

  @Test
  void listingWithNothingPublishedHasANullActiveVersionAndEmptyCollections() {
    FakeModelAdmin admin = new FakeModelAdmin();

    TestRouteResult result = authorized(route(admin), HttpRequest.GET("/admin/models"));

    result.assertStatusCode(200);
    JsonNode body = json(result);
    assertTrue(body.get("assignment").get("activeVersion").isNull(), "no active version is null: " + body);
    assertTrue(body.get("assignment").get("experiments").isObject());
    assertEquals(0, body.get("assignment").get("experiments").size());
    assertEquals(0, body.get("loadedHere").size());
    assertEquals(0, body.get("bundles").size());
    assertTrue(body.get("install").get("lastFailure").isNull(), "no failure is null: " + body);
  }

  @Test
  void listingThatTimesOutIs503Unavailable() {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.failure = new TimeoutException("Ask timed out on [registry] after [5000 ms]");

    String message = assertError(authorized(route(admin), HttpRequest.GET("/admin/models")), 503, "unavailable");

    assertMentions(message, "timed out", "retry");
  }

  // ---------------------------------------------------------------- POST /admin/models

  @Test
  void publishingIs201WithTheBundleSummaryAndPassesTheArchiveBytesThrough() {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.published = V2;
    byte[] archive = {'P', 'K', 3, 4, 0, (byte) 0xff, 10, 13, 0};

    TestRouteResult result = authorized(route(admin), bundleUpload(archive));

    result.assertStatusCode(201).assertContentType(ContentTypes.APPLICATION_JSON);
    assertBundleV2(json(result));
    assertEquals(1, admin.publishedArchives.size());
    assertArrayEquals(archive, admin.publishedArchives.get(0), "the archive reaches the registry byte for byte");
  }

  @Test
  void aBundleOfExactlyTheSizeLimitIsAccepted() {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.published = V2;
    byte[] archive = filled((int) RouteFixture.MAX_BUNDLE_BYTES);

    authorized(route(admin), bundleUpload(archive)).assertStatusCode(201);

    assertEquals(1, admin.publishedArchives.size());
    assertEquals(RouteFixture.MAX_BUNDLE_BYTES, admin.publishedArchives.get(0).length);
  }

  @Test
  void aBundleOverTheSizeLimitIs413JsonAndNeverReachesTheRegistry() {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.published = V2;

    TestRouteResult result = authorized(route(admin), bundleUpload(filled((int) RouteFixture.MAX_BUNDLE_BYTES + 1)));

    String message = assertError(result, 413, "payload_too_large");
    assertMentions(message, String.valueOf(RouteFixture.MAX_BUNDLE_BYTES));
    assertTrue(admin.publishedArchives.isEmpty(), "an oversized bundle is never published");
  }

  @Test
  void aBundleOverTheSizeLimitIs413WithAMessageAboutTheBundleNotAboutEvents() {
    TestRouteResult result =
        authorized(route(new FakeModelAdmin()), bundleUpload(filled((int) RouteFixture.MAX_BUNDLE_BYTES + 1)));

    String message = assertError(result, 413, "payload_too_large");
    assertFalse(message.contains("events"), "a bundle upload is not an events batch: " + message);
  }

  static Stream<Arguments> publishFailures() {
    return Stream.of(
        Arguments.of(new InvalidBundleException("manifest.json is missing"), 400, "invalid_bundle", "manifest.json is missing"),
        Arguments.of(
            new FeatureSchemaMismatchException("bundle features [a, b] differ from this build's [a, c]"),
            400,
            "invalid_bundle",
            "bundle features [a, b] differ from this build's [a, c]"),
        Arguments.of(
            new ModelCompilationException("the model's trees disagree with Tribuo"), 400, "invalid_bundle",
            "the model's trees disagree with Tribuo"),
        Arguments.of(new BundleStore.VersionExistsException("v2"), 409, "version_exists", "'v2' is already published"),
        Arguments.of(
            new CompletionException(new BundleStore.VersionExistsException("v2")), 409, "version_exists", "'v2'"),
        Arguments.of(
            new CompletionException(new InvalidBundleException("not a zip")), 400, "invalid_bundle", "not a zip"),
        Arguments.of(new TimeoutException("Ask timed out after [5000 ms]"), 503, "unavailable", "timed out"),
        Arguments.of(
            newInstance(ModelRegistry.ReplicationTimeoutException.class, "a majority did not confirm in 3s"),
            503,
            "unavailable",
            "a majority did not confirm"),
        Arguments.of(new IllegalStateException("cassandra is down"), 503, "unavailable", "cassandra is down"),
        Arguments.of(new NullPointerException(), 503, "unavailable", "NullPointerException"));
  }

  @ParameterizedTest(name = "publish failing with {0} is {1} {2}")
  @MethodSource("publishFailures")
  void publishFailuresMapToTheirStatusNever500(Throwable failure, int status, String code, String fragment) {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.failure = failure;

    String message = assertError(authorized(route(admin), bundleUpload(new byte[] {1, 2, 3})), status, code);

    assertMentions(message, fragment);
    assertEquals(1, admin.publishedArchives.size());
  }

  static Stream<Arguments> hostileBundles() {
    String manifest = "{\"format\":2,\"version\":\"v\",\"kind\":\"k\",\"schema\":{\"version\":\"s\",\"features\":[\"f\"]}}";
    return Stream.of(
        Arguments.of("dimensions whose product with the items overflows an int",
            hostileBundle(manifest, "{\"dimensions\":1073741824,\"vectors\":{\"a\":[],\"b\":[]}}".getBytes(UTF_8)),
            "'dimensions' must be an integer from 0 to"),
        Arguments.of("dimensions far beyond the limit",
            hostileBundle(manifest, "{\"dimensions\":300000000,\"vectors\":{\"a\":[1.0]}}".getBytes(UTF_8)),
            "concierge.bundles.max-dimensions"),
        Arguments.of("a vector of the wrong length",
            hostileBundle(manifest, "{\"dimensions\":2,\"vectors\":{\"a\":[1.0]}}".getBytes(UTF_8)),
            "the vector of a must be an array of 2 numbers"),
        Arguments.of("a deflate bomb", hostileBundle(manifest, new byte[(int) (4 * HOSTILE_LIMITS.maxEntryBytes())]),
            "concierge.bundles.max-entry-size"));
  }

  @ParameterizedTest(name = "{0} is a 400 invalid_bundle naming the problem")
  @MethodSource("hostileBundles")
  void aHostileBundleIs400InvalidBundleNamingTheProblemNever503(String hostile, byte[] archive, String problem) {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.reading = new BundleArchive(new ObjectMapper(), HOSTILE_LIMITS);
    admin.published = V2;

    String message = assertError(authorized(route(admin), bundleUpload(archive)), 400, "invalid_bundle");

    assertMentions(message, problem);
  }

  // a manifest that reads, and its embeddings.json; the other files empty
  private static byte[] hostileBundle(String manifest, byte[] embeddings) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : Map.of("bundle.json", manifest.getBytes(UTF_8), "model.tribuo", new byte[0],
          "tables.json", "{}".getBytes(UTF_8), "embeddings.json", embeddings).entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertTrue(bytes.size() <= RouteFixture.MAX_BUNDLE_BYTES, "within the upload limit: " + bytes.size());
    return bytes.toByteArray();
  }

  // ---------------------------------------------------------------- POST /admin/models/{version}/activate

  @Test
  void activatingIs200WithTheNewAssignmentAndTheRegistrySawTheVersion() {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.assignment = V1_WITH_EXPERIMENT;

    TestRouteResult result = authorized(route(admin), HttpRequest.POST("/admin/models/v2/activate"));

    result.assertStatusCode(200).assertContentType(ContentTypes.APPLICATION_JSON);
    JsonNode body = json(result);
    assertEquals(List.of("activeVersion", "experiments"), fieldNames(body));
    assertEquals("v2", body.get("activeVersion").asText());
    assertEquals(0.75, body.get("experiments").get("trees-vs-linear").get("arms").get("v1").asDouble(), 0.0,
        "activating keeps running experiments");
    assertEquals(List.of("v2"), admin.activatedVersions);
  }

  @Test
  void theVersionIsTakenFromThePathAsOneDecodedSegment() {
    FakeModelAdmin admin = new FakeModelAdmin();

    authorized(route(admin), HttpRequest.POST("/admin/models/2026-11-19.lr%2Bx/activate")).assertStatusCode(200);

    assertEquals(List.of("2026-11-19.lr+x"), admin.activatedVersions);
  }

  @Test
  void activatingAnUnknownVersionIs404UnknownVersion() {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.failure = newInstance(ModelRegistry.UnknownVersionException.class, "v9");

    String message = assertError(authorized(route(admin), HttpRequest.POST("/admin/models/v9/activate")), 404, "unknown_version");

    assertMentions(message, "'v9'", "GET /admin/models");
    assertEquals(List.of("v9"), admin.activatedVersions);
  }

  @Test
  void activationThatIsNotReplicatedInTimeIs503() {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.failure = newInstance(ModelRegistry.ReplicationTimeoutException.class, "the assignment did not reach a majority");

    String message = assertError(authorized(route(admin), HttpRequest.POST("/admin/models/v2/activate")), 503, "unavailable");

    assertMentions(message, "did not reach a majority");
  }

  @Test
  void activatingABundleThatDoesNotLoadIs400InvalidBundle() {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.failure = new FeatureSchemaMismatchException("v2 was built for other features");

    String message = assertError(authorized(route(admin), HttpRequest.POST("/admin/models/v2/activate")), 400, "invalid_bundle");

    assertMentions(message, "v2 was built for other features");
  }

  // ---------------------------------------------------------------- /admin/experiments

  @Test
  void gettingExperimentsAnswersTheAssignmentServedNow() {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.assignment = V1_WITH_EXPERIMENT;

    TestRouteResult result = authorized(route(admin), HttpRequest.GET("/admin/experiments"));

    result.assertStatusCode(200).assertContentType(ContentTypes.APPLICATION_JSON);
    JsonNode body = json(result);
    assertEquals(List.of("activeVersion", "experiments"), fieldNames(body));
    assertEquals("v1", body.get("activeVersion").asText());
    JsonNode arms = body.get("experiments").get("trees-vs-linear").get("arms");
    assertEquals(List.of("v1", "v2"), fieldNames(arms));
    assertEquals(0.25, arms.get("v2").asDouble(), 0.0);
  }

  @Test
  void gettingExperimentsReadsTheAssignmentAnewOnEveryRequest() {
    FakeModelAdmin admin = new FakeModelAdmin();
    Route route = route(admin);
    authorized(route, HttpRequest.GET("/admin/experiments")).assertStatusCode(200);

    admin.assignment = ModelAssignment.NONE.activate("v7");

    assertEquals("v7", json(authorized(route, HttpRequest.GET("/admin/experiments"))).get("activeVersion").asText());
  }

  @Test
  void puttingAnExperimentIs200AndTheRegistryGetsTheArms() {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.assignment = ModelAssignment.NONE.activate("v1");

    TestRouteResult result = authorized(route(admin), putExperiment("ab", "{\"arms\":{\"v1\":0.9,\"v2\":0.1}}"));

    result.assertStatusCode(200).assertContentType(ContentTypes.APPLICATION_JSON);
    assertEquals(List.of("ab"), admin.experimentNames);
    assertEquals(List.of(Map.of("v1", 0.9, "v2", 0.1)), admin.experimentArms);
    JsonNode body = json(result);
    assertEquals(List.of("activeVersion", "experiments"), fieldNames(body));
    assertEquals("v1", body.get("activeVersion").asText());
    JsonNode arms = body.get("experiments").get("ab").get("arms");
    assertEquals(0.9, arms.get("v1").asDouble(), 0.0);
    assertEquals(0.1, arms.get("v2").asDouble(), 0.0);
  }

  @Test
  void integerWeightsAreWeightsToo() {
    FakeModelAdmin admin = new FakeModelAdmin();

    authorized(route(admin), putExperiment("ab", "{\"arms\":{\"v1\":3,\"v2\":1}}")).assertStatusCode(200);

    assertEquals(List.of(Map.of("v1", 3.0, "v2", 1.0)), admin.experimentArms);
  }

  @Test
  void anEmptyArmsObjectEndsTheExperimentAndLeavesTheOthers() {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.assignment =
        new ModelAssignment("v1", Map.of("ab", Map.of("v1", 1.0, "v2", 1.0), "zz", Map.of("v3", 1.0)));

    TestRouteResult result = authorized(route(admin), putExperiment("ab", "{\"arms\":{}}"));

    result.assertStatusCode(200);
    assertEquals(List.of(Map.of()), admin.experimentArms, "no arms reach the registry");
    JsonNode experiments = json(result).get("experiments");
    assertEquals(List.of("zz"), fieldNames(experiments), "experiment 'ab' is gone: " + experiments);
    assertEquals(List.of("zz"), List.copyOf(admin.assignment.experiments().keySet()));
  }

  @Test
  void anEmptyArmsObjectForAnExperimentThatDoesNotRunIs200() {
    FakeModelAdmin admin = new FakeModelAdmin();

    TestRouteResult result = authorized(route(admin), putExperiment("never-ran", "{\"arms\":{}}"));

    result.assertStatusCode(200);
    assertEquals(0, json(result).get("experiments").size());
  }

  @ParameterizedTest(name = "body {0} is 400 invalid_json")
  @ValueSource(strings = {"", "arms=v1:1", "{\"arms\":{\"v1\":1}", "{arms:{v1:1}}"})
  void aBodyThatIsNotJsonIs400InvalidJson(String body) {
    FakeModelAdmin admin = new FakeModelAdmin();

    String message = assertError(authorized(route(admin), putExperiment("ab", body)), 400, "invalid_json");

    assertMentions(message, "\"arms\"");
    assertTrue(admin.experimentArms.isEmpty(), "a bad body never reaches the registry");
  }

  @Test
  void aBodyWithTrailingGarbageIs400InvalidJson() {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.assignment = new ModelAssignment("v1", Map.of("ab", Map.of("v1", 1.0)));

    assertError(authorized(route(admin), putExperiment("ab", "{\"arms\":{}} {\"arms\":{\"v1\":1}}")), 400, "invalid_json");

    assertTrue(admin.experimentArms.isEmpty(), "a body that is not one JSON document never reaches the registry");
  }

  @ParameterizedTest(name = "body [{0}] is 400 invalid_request")
  @ValueSource(
      strings = {
        "{}",
        "null",
        "[]",
        "\"arms\"",
        "{\"ab\":{\"v1\":1}}",
        "{\"arms\":null}",
        "{\"arms\":[\"v1\",\"v2\"]}",
        "{\"arms\":\"v1\"}",
        "{\"arms\":1}",
        "{\"Arms\":{\"v1\":1}}"
      })
  void aBodyWithoutAnArmsObjectIs400SayingWhatToSend(String body) {
    FakeModelAdmin admin = new FakeModelAdmin();

    String message = assertError(authorized(route(admin), putExperiment("ab", body)), 400, "invalid_request");

    assertMentions(message, "\"arms\"", "empty object ends the experiment");
    assertTrue(admin.experimentArms.isEmpty());
  }

  @ParameterizedTest(name = "weight {0} is 400 invalid_request")
  @ValueSource(strings = {"\"0.5\"", "null", "true", "[1]", "{\"w\":1}"})
  void aNonNumericWeightIs400NamingTheArm(String weight) {
    FakeModelAdmin admin = new FakeModelAdmin();

    String message =
        assertError(
            authorized(route(admin), putExperiment("ab", "{\"arms\":{\"v1\":1,\"v2\":" + weight + "}}")),
            400,
            "invalid_request");

    assertMentions(message, "'arms.v2'", "number");
    assertTrue(admin.experimentArms.isEmpty());
  }

  @ParameterizedTest(name = "weight {0} is 400 invalid_request")
  @ValueSource(strings = {"0", "0.0", "-1", "-0.5", "1e400", "1000001", "99999999999999999999999"})
  void aWeightThatIsNotAPositiveNumberWithinTheLimitIs400NamingTheArm(String weight) {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.assignment = ModelAssignment.NONE.activate("v1");

    String message =
        assertError(
            authorized(route(admin), putExperiment("ab", "{\"arms\":{\"v1\":1,\"v2\":" + weight + "}}")),
            400,
            "invalid_request");

    assertMentions(message, "'arms.v2'", "above 0", "at most " + (long) RouteFixture.PRODUCTION_SETTINGS.limits().maxArmWeight());
    assertTrue(admin.experimentArms.isEmpty(), "checked before the model registry sees them");
    assertEquals(ModelAssignment.NONE.activate("v1"), admin.assignment, "a refused experiment changes nothing");
  }

  @Test
  void anExperimentThatIsNotReplicatedInTimeIs503() {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.failure = new TimeoutException("Ask timed out after [5000 ms]");

    assertError(authorized(route(admin), putExperiment("ab", "{\"arms\":{\"v1\":1}}")), 503, "unavailable");
  }

  @Test
  void anExperimentWithAnUnpublishedArmIs404UnknownVersion() {
    FakeModelAdmin admin = new FakeModelAdmin();
    admin.failure = newInstance(ModelRegistry.UnknownVersionException.class, "v9");

    String message =
        assertError(authorized(route(admin), putExperiment("ab", "{\"arms\":{\"v9\":1}}")), 404, "unknown_version");

    assertMentions(message, "'v9'");
  }

  // ---------------------------------------------------------------- wrong methods and paths

  static Stream<Arguments> wrongMethods() {
    return Stream.of(
        Arguments.of(HttpRequest.DELETE("/admin/models"), "GET"),
        Arguments.of(HttpRequest.PUT("/admin/models"), "POST"),
        Arguments.of(HttpRequest.GET("/admin/models/v2/activate"), "POST"),
        Arguments.of(HttpRequest.PUT("/admin/models/v2/activate"), "POST"),
        Arguments.of(HttpRequest.POST("/admin/experiments"), "GET"),
        Arguments.of(HttpRequest.PUT("/admin/experiments"), "GET"),
        Arguments.of(HttpRequest.GET("/admin/experiments/ab"), "PUT"),
        Arguments.of(HttpRequest.DELETE("/admin/experiments/ab"), "PUT"),
        Arguments.of(HttpRequest.POST("/admin/experiments/ab").withEntity(ContentTypes.APPLICATION_JSON, "{\"arms\":{}}"), "PUT"));
  }

  @ParameterizedTest(name = "{0} is 405 allowing {1}")
  @MethodSource("wrongMethods")
  void wrongMethodIs405JsonNamingTheAllowedMethod(HttpRequest request, String allowed) {
    FakeModelAdmin admin = new FakeModelAdmin();

    TestRouteResult result = authorized(route(admin), request);

    assertMentions(assertError(result, 405, "method_not_allowed"), allowed);
    Optional<HttpHeader> allow = result.response().getHeader("Allow");
    assertTrue(allow.isPresent(), "a 405 says what is allowed");
    assertMentions(allow.get().value(), allowed);
    assertTrue(admin.publishedArchives.isEmpty() && admin.activatedVersions.isEmpty() && admin.experimentArms.isEmpty());
    assertEquals(0, admin.listCalls);
  }

  @ParameterizedTest(name = "{0} is 404 JSON")
  @ValueSource(strings = {"/admin/nothing-here", "/admin/models/v2", "/admin/models/v2/activate/now", "/admin/experiments/ab/arms"})
  void unknownAdminPathIs404Json(String path) {
    FakeModelAdmin admin = new FakeModelAdmin();

    TestRouteResult result = authorized(route(admin), HttpRequest.create(path).withMethod(HttpMethods.POST));

    result.assertStatusCode(404).assertContentType(ContentTypes.APPLICATION_JSON);
    assertEquals(List.of("error", "message"), fieldNames(json(result)));
    assertTrue(admin.activatedVersions.isEmpty() && admin.publishedArchives.isEmpty());
  }

  @Test
  void aPathThatOnlyStartsWithAdminIsAnUnknownPath() {
    FakeModelAdmin admin = new FakeModelAdmin();

    assertError(get(route(admin), "/administrator"), 404, "not_found");
    assertError(get(new RouteFixture().adminOff().route(), "/admin-ui"), 404, "not_found");
  }

  // ---------------------------------------------------------------- helpers

  private static Route route(FakeModelAdmin admin) {
    return new RouteFixture().modelAdmin(admin).route();
  }

  private TestRouteResult authorized(Route route, HttpRequest request) {
    return testRoute(route).run(request.addHeader(Authorization.oauth2(RouteFixture.ADMIN_TOKEN)));
  }

  private static HttpRequest bundleUpload(byte[] archive) {
    return HttpRequest.POST("/admin/models")
        .withEntity(HttpEntities.create(ContentTypes.APPLICATION_OCTET_STREAM, archive));
  }

  private static HttpRequest putExperiment(String name, String body) {
    return HttpRequest.PUT("/admin/experiments/" + name).withEntity(ContentTypes.APPLICATION_JSON, body);
  }

  private static byte[] filled(int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) 'x');
    return bytes;
  }

  private static void assertBearerChallenge(TestRouteResult result) {
    Optional<HttpHeader> challenge = result.response().getHeader("WWW-Authenticate");
    assertTrue(challenge.isPresent(), "a 401 carries a WWW-Authenticate challenge");
    assertTrue(challenge.get().value().startsWith("Bearer"), "the challenge is for a bearer token: " + challenge.get().value());
    assertMentions(challenge.get().value(), "realm=");
  }

  private static void assertBundleV2(JsonNode bundle) {
    assertEquals(List.of("version", "kind", "publishedAt", "metadata"), fieldNames(bundle));
    assertEquals("v2", bundle.get("version").asText());
    assertEquals("xgboost", bundle.get("kind").asText());
    assertEquals("2026-11-20T09:30:00Z", bundle.get("publishedAt").asText());
    JsonNode metadata = bundle.get("metadata");
    assertEquals(
        List.of("createdAt", "dataFrom", "dataUntil", "events", "trainingRows", "metrics", "provenance"),
        fieldNames(metadata));
    assertEquals("2026-11-19T08:00:00Z", metadata.get("createdAt").asText());
    assertEquals("2026-08-01T00:00:00Z", metadata.get("dataFrom").asText());
    assertEquals("2026-11-01T00:00:00Z", metadata.get("dataUntil").asText());
    assertTrue(metadata.get("events").isIntegralNumber());
    assertEquals(120_000L, metadata.get("events").asLong());
    assertEquals(48_000L, metadata.get("trainingRows").asLong());
    assertEquals(List.of("auc", "hitRate@10"), fieldNames(metadata.get("metrics")), "metrics sorted by name");
    assertTrue(metadata.get("metrics").get("auc").isNumber());
    assertEquals(0.81, metadata.get("metrics").get("auc").asDouble(), 0.0);
    assertEquals(0.27, metadata.get("metrics").get("hitRate@10").asDouble(), 0.0);
    assertEquals("trainer=xgboost depth=6 code=08e57a3", metadata.get("provenance").asText());
  }

  private static List<String> texts(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  /** The registry's exceptions have package-private constructors; the routes only ever see instances. */
  private static <T extends Throwable> T newInstance(Class<T> type, String argument) {
    try {
      Constructor<T> constructor = type.getDeclaredConstructor(String.class);
      constructor.setAccessible(true);
      return constructor.newInstance(argument);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot construct " + type.getName(), e);
    }
  }
}
