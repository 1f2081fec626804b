package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.api.contract.Answer;
import dev.concierge.api.contract.ApiContract;
import dev.concierge.api.contract.ContractCheck;
import dev.concierge.api.contract.Operation;
import dev.concierge.engine.cluster.ClusterAdmin;
import dev.concierge.engine.cluster.ClusterAdminException;
import dev.concierge.engine.model.BundleStore;
import dev.concierge.engine.model.BundleSummary;
import dev.concierge.models.recommend.BundleMetadata;
import dev.concierge.persistence.bundle.InvalidBundleException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpMethod;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.headers.Authorization;
import org.apache.pekko.http.javadsl.testkit.TestRouteResult;
import org.junit.jupiter.api.Test;

/**
 * The routes answer as the OpenAPI document says: a representative request to every documented
 * operation, for its success and for each error it can be made to give here (the fakes fail on
 * demand), each answer judged by the {@link ApiContract}. An operation added to the document fails this
 * test until a request here reaches it; an answer of an undocumented operation, status, media type or
 * shape fails it at once. The admin API's 401, 403 and 404 {@code admin_disabled} are asked of every
 * admin operation the document lists.
 */
class OpenApiContractTest extends RouteTestSupport {

  private static final ApiContract CONTRACT = ApiContract.load();
  private static final String EVENT =
      "{\"eventId\":\"e-1\",\"customerId\":\"c-1\",\"type\":\"view\",\"itemId\":\"sku-1\",\"timestamp\":\"2026-11-26T10:00:00Z\"}";
  // as the browser SDK's identify() sends it: no item
  private static final String MERGE =
      "{\"eventId\":\"e-2\",\"customerId\":\"c-1\",\"type\":\"merge\",\"fromCustomerId\":\"anon-1\",\"timestamp\":\"2026-11-26T10:00:00Z\"}";
  private static final String DECISION = "{\"customerId\":\"c-1\",\"limit\":2}";
  private static final String CATALOG_ITEMS = "[{\"itemId\":\"sku-1\",\"category\":\"tents\",\"price\":199}]";
  private static final String ARMS = "{\"arms\":{\"v1\":3,\"v2\":1}}";
  private static final String MOVE = "{\"to\":\"" + FakeClusterAdmin.NODE_2 + "\"}";
  private static final String DRAIN = "{\"address\":\"" + FakeClusterAdmin.NODE_2 + "\"}";
  private static final BundleSummary BUNDLE = new BundleSummary("v2", "xgboost", Instant.parse("2026-11-20T09:30:00Z"),
      new BundleMetadata(Instant.parse("2026-11-19T08:00:00Z"), Instant.parse("2026-08-01T00:00:00Z"),
          Instant.parse("2026-11-01T00:00:00Z"), 120_000L, 48_000L, Map.of("auc", 0.81), "trainer=xgboost"));

  /** One request, the fixture it is sent to, and the status it must provoke. */
  private record Exchange(RouteFixture fixture, HttpRequest request, int status) {}

  private final List<Exchange> exchanges = new ArrayList<>();

  @Test
  void everyDocumentedOperationAnswersAsTheDocumentSays() {
    publicOperations();
    adminOperations();
    everyAdminOperationRefusesWithoutTheToken();
    send(new RouteFixture(), HttpRequest.GET("/v1/no-such-path"), 404);
    send(new RouteFixture(), HttpRequest.DELETE("/v1/decisions"), 405);

    ContractCheck check = new ContractCheck(CONTRACT);
    List<String> unexpected = new ArrayList<>();
    for (Exchange exchange : exchanges) {
      TestRouteResult result = testRoute(exchange.fixture().route()).run(exchange.request());
      Answer answer = answer(exchange.request(), result);
      check.check(answer);
      if (answer.status() != exchange.status()) {
        unexpected.add(answer + " (expected " + exchange.status() + ")");
      }
    }
    assertEquals(List.of(), unexpected, "answers other than the ones the requests were made to provoke");
    check.assertEveryAnswerMatchedAndEveryOperationSucceeded();
  }

  private void publicOperations() {
    send(new RouteFixture(), json(HttpMethods.POST, "/v1/events", EVENT), 202);
    send(new RouteFixture(), json(HttpMethods.POST, "/v1/events", "[" + EVENT + "]"), 202);
    send(new RouteFixture(), json(HttpMethods.POST, "/v1/events", MERGE), 202);
    send(new RouteFixture(), json(HttpMethods.POST, "/v1/events", MERGE.replace("anon-1", "c-1")), 400);
    send(new RouteFixture(), json(HttpMethods.POST, "/v1/events", EVENT.replace("view", "stare")), 400);
    send(new RouteFixture(), json(HttpMethods.POST, "/v1/events", "[{"), 400);
    send(new RouteFixture(), xml("/v1/events", EVENT), 415);
    send(new RouteFixture().sinkFailingWith(new IllegalStateException("Kafka is down")),
        json(HttpMethods.POST, "/v1/events", EVENT), 503);
    send(new RouteFixture(), json(HttpMethods.POST, "/v1/decisions", DECISION), 200);
    send(new RouteFixture(), json(HttpMethods.POST, "/v1/decisions", "{\"limit\":2}"), 400);
    send(new RouteFixture(), xml("/v1/decisions", DECISION), 415);
    send(new RouteFixture().deciding(query -> {
      throw new IllegalStateException("the decider broke");
    }), json(HttpMethods.POST, "/v1/decisions", DECISION), 500);
    sendServer(new RouteFixture(), HttpRequest.GET("/v1/customers/c-1/features"), 200);
    sendServer(new RouteFixture(), HttpRequest.GET("/v1/customers/c%201/features"), 400);
    sendServer(new RouteFixture().featuresFailWith(new IllegalStateException("no answer")),
        HttpRequest.GET("/v1/customers/c-1/features"), 503);
    send(new RouteFixture(), HttpRequest.GET("/v1/customers/c-1/features"), 401);
    send(new RouteFixture(), HttpRequest.GET("/v1/customers/c-1/features")
        .addHeader(Authorization.oauth2("not-the-server-key")), 403);
    send(new RouteFixture(), HttpRequest.GET("/v1/openapi.json"), 200);
    send(new RouteFixture(), HttpRequest.GET("/health/alive"), 200);
    send(new RouteFixture(), HttpRequest.GET("/health/ready"), 200);
    send(new RouteFixture().readinessProblems("Kafka ingestion is not running"), HttpRequest.GET("/health/ready"), 503);
    send(new RouteFixture(), HttpRequest.GET("/health/journal"), 200);
    send(new RouteFixture().journalProblems("the Cassandra journal does not answer"), HttpRequest.GET("/health/journal"), 503);
    send(new RouteFixture(), HttpRequest.GET("/health/ingestion"), 200);
    send(new RouteFixture().ingestionProblems("no record finished for 60 s"), HttpRequest.GET("/health/ingestion"), 503);
    send(new RouteFixture().metrics(() -> "concierge_decisions_total 3.0\n"), HttpRequest.GET("/metrics"), 200);
  }

  private void adminOperations() {
    sendAdmin(models(admin -> admin.bundles = List.of(BUNDLE)), HttpRequest.GET("/admin/models"), 200);
    sendAdmin(models(admin -> admin.failure = new IllegalStateException("no majority")), HttpRequest.GET("/admin/models"), 503);
    sendAdmin(models(admin -> admin.published = BUNDLE), bundle(new byte[] {1, 2, 3}), 201);
    sendAdmin(models(admin -> admin.failure = new InvalidBundleException("not a zip")), bundle(new byte[] {1}), 400);
    sendAdmin(models(admin -> admin.failure = new BundleStore.VersionExistsException("v2")), bundle(new byte[] {1}), 409);
    sendAdmin(new RouteFixture(), bundle(new byte[(int) RouteFixture.MAX_BUNDLE_BYTES + 1]), 413);
    sendAdmin(new RouteFixture(), HttpRequest.POST("/admin/models/v2/activate"), 200);
    sendAdmin(models(admin -> admin.failure = new InvalidBundleException("does not compile")),
        HttpRequest.POST("/admin/models/v2/activate"), 400);
    sendAdmin(new RouteFixture(), HttpRequest.GET("/admin/experiments"), 200);
    sendAdmin(new RouteFixture(), json(HttpMethods.PUT, "/admin/experiments/ab", ARMS), 200);
    sendAdmin(new RouteFixture(), json(HttpMethods.PUT, "/admin/experiments/ab", "{\"arms\":[]}"), 400);
    sendAdmin(new RouteFixture(), json(HttpMethods.PUT, "/admin/catalog/items", CATALOG_ITEMS), 200);
    sendAdmin(new RouteFixture(), json(HttpMethods.PUT, "/admin/catalog/items", "[{\"itemId\":\"sku-1\",\"price\":-1}]"), 400);
    sendAdmin(new RouteFixture(), xml("/admin/catalog/items", CATALOG_ITEMS).withMethod(HttpMethods.PUT), 415);
    sendAdmin(new RouteFixture(), json(HttpMethods.PUT, "/admin/catalog/items",
        "[{\"itemId\":\"sku-1\",\"category\":\"" + "x".repeat((int) RouteFixture.MAX_CATALOG_BODY_BYTES) + "\"}]"), 413);
    sendAdmin(new RouteFixture().catalogSink(writes -> CompletableFuture.failedFuture(new IllegalStateException("Kafka is down"))),
        json(HttpMethods.PUT, "/admin/catalog/items", CATALOG_ITEMS), 503);
    sendAdmin(new RouteFixture(), HttpRequest.GET("/admin/members"), 200);
    sendAdmin(new RouteFixture(), HttpRequest.GET("/admin/shards"), 200);
    sendAdmin(new RouteFixture(), HttpRequest.GET("/admin/allocation"), 200);
    sendAdmin(new RouteFixture(), json(HttpMethods.POST, "/admin/shards/7/move", MOVE), 200);
    sendAdmin(cluster(admin -> admin.moveStatus = ClusterAdmin.MoveStatus.PENDING),
        json(HttpMethods.POST, "/admin/shards/7/move", MOVE), 202);
    sendAdmin(new RouteFixture(), json(HttpMethods.POST, "/admin/shards/7/move", "{}"), 400);
    for (var refusal : Map.of(ClusterAdminException.Reason.UNKNOWN_SHARD, 404, ClusterAdminException.Reason.UNKNOWN_NODE,
        400, ClusterAdminException.Reason.NODE_NOT_UP, 409).entrySet()) {
      sendAdmin(cluster(admin -> admin.rejection = new ClusterAdminException(refusal.getKey(), "refused")),
          json(HttpMethods.POST, "/admin/shards/700/move", MOVE), refusal.getValue());
    }
    sendAdmin(new RouteFixture(), json(HttpMethods.POST, "/admin/nodes/drain", DRAIN), 200);
    sendAdmin(cluster(admin -> admin.drainStatus = ClusterAdmin.DrainStatus.LEAVING),
        json(HttpMethods.POST, "/admin/nodes/drain", DRAIN), 202);
    sendAdmin(new RouteFixture(), json(HttpMethods.POST, "/admin/nodes/drain", "not json"), 400);
  }

  private void everyAdminOperationRefusesWithoutTheToken() {
    for (Operation operation : CONTRACT.operations()) {
      if (operation.admin()) {
        HttpRequest request = HttpRequest.create(operation.examplePath())
            .withMethod(HttpMethods.lookup(operation.method()).orElseThrow());
        send(new RouteFixture(), request, 401);
        send(new RouteFixture(), request.addHeader(Authorization.oauth2("not-the-token")), 403);
        send(new RouteFixture().adminOff(), request.addHeader(Authorization.oauth2(RouteFixture.ADMIN_TOKEN)), 404);
      }
    }
  }

  private void send(RouteFixture fixture, HttpRequest request, int status) {
    exchanges.add(new Exchange(fixture, request, status));
  }

  private void sendServer(RouteFixture fixture, HttpRequest request, int status) {
    send(fixture, request.addHeader(Authorization.oauth2(RouteFixture.SERVER_KEY)), status);
  }

  private void sendAdmin(RouteFixture fixture, HttpRequest request, int status) {
    send(fixture, request.addHeader(Authorization.oauth2(RouteFixture.ADMIN_TOKEN)), status);
  }

  private static RouteFixture models(Consumer<FakeModelAdmin> setUp) {
    FakeModelAdmin admin = new FakeModelAdmin();
    setUp.accept(admin);
    return new RouteFixture().modelAdmin(admin);
  }

  private static RouteFixture cluster(Consumer<FakeClusterAdmin> setUp) {
    FakeClusterAdmin admin = new FakeClusterAdmin();
    setUp.accept(admin);
    return new RouteFixture().clusterAdmin(admin);
  }

  private static HttpRequest json(HttpMethod method, String path, String body) {
    return HttpRequest.create(path).withMethod(method).withEntity(ContentTypes.APPLICATION_JSON, body);
  }

  private static HttpRequest xml(String path, String body) {
    return HttpRequest.POST(path).withEntity(ContentTypes.create(MediaTypes.APPLICATION_XML, HttpCharsets.UTF_8), body);
  }

  private static HttpRequest bundle(byte[] archive) {
    return HttpRequest.POST("/admin/models").withEntity(ContentTypes.APPLICATION_OCTET_STREAM, archive);
  }

  static Answer answer(HttpRequest request, TestRouteResult result) {
    Set<String> headers = new TreeSet<>();
    for (HttpHeader header : result.response().getHeaders()) {
      headers.add(header.lowercaseName());
    }
    return new Answer(request.method().name(), request.getUri().path(), result.response().status().intValue(),
        result.response().entity().getContentType().mediaType().toString().toLowerCase(Locale.ROOT),
        result.entityString(), headers);
  }
}
