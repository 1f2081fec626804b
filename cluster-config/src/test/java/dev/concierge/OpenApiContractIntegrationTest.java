package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.concierge.api.contract.Answer;
import dev.concierge.api.contract.ApiContract;
import dev.concierge.api.contract.ContractCheck;
import dev.concierge.api.contract.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real node on the real Kafka and Cassandra answers as the OpenAPI document says: a representative
 * request to every documented operation, for its success and for the errors a client can provoke,
 * each answer judged by the {@link ApiContract} ({@code OpenApiContractTest} does the same against the
 * routes with fakes, which also fail on demand). Four operations are only refused here: see {@link
 * #ONLY_REFUSED}. The node has a storefront's publishable key with a key bucket of {@value #KEY_BURST}
 * requests, so that a browser's requests can be answered and refused as a browser's are; the other
 * requests to the storefront endpoints carry the server key, which passes unlimited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractIntegrationTest {

  private static final Map<String, String> ONLY_REFUSED = Map.of(
      "POST /admin/models", "a bundle that installs is trained first (ModelHotSwapIntegrationTest publishes one)",
      "POST /admin/models/{version}/activate", "only a published bundle activates",
      "POST /admin/nodes/drain", "draining the only node would stop the node under test",
      "POST /admin/shards/{shardId}/move", "a move goes to another node (ClusterOperationsIntegrationTest moves shards among three)");
  private static final String JSON = "application/json";
  /** What {@code navigator.sendBeacon} gives a string body. */
  private static final String BEACON = "text/plain;charset=UTF-8";
  private static final String PUBLISHABLE_KEY = "pk_contract";
  /** A beacon of events and a decision with the publishable key, then the key's requests are refused. */
  private static final int KEY_BURST = 2;
  /** One token per 1,000 s: none comes back while the test runs. */
  private static final double KEY_REFILL_PER_SECOND = 0.001;
  // one more byte than the node's body limit
  private static final int OVERSIZED_BYTES =
      (int) ConfigFactory.load().getBytes("pekko.http.server.parsing.max-content-length").longValue() + 1;

  private final ObjectMapper mapper = new ObjectMapper();
  private final ApiContract contract = ApiContract.load();
  private final ContractCheck check = new ContractCheck(contract);
  private final List<String> unexpected = new ArrayList<>();
  private TestNode node;

  @BeforeAll
  void startNode() {
    TestNode.Namespace namespace = TestNode.Namespace.unique();
    TestNode.prepareTopics(namespace);
    node = TestNode.start(namespace, ConfigFactory.parseMap(Map.of(
        "concierge.http.publishable-key", PUBLISHABLE_KEY,
        "concierge.http.rate-limit.per-key.burst", KEY_BURST,
        "concierge.http.rate-limit.per-key.per-second", KEY_REFILL_PER_SECOND)));
  }

  @AfterAll
  void stopNode() {
    node.close();
  }

  @Test
  void everyDocumentedOperationOfARealNodeAnswersAsTheDocumentSays() {
    String event = "{\"eventId\":\"e-contract-1\",\"customerId\":\"c-contract\",\"type\":\"view\",\"itemId\":\"sku-1\","
        + "\"timestamp\":\"" + Instant.now() + "\"}";
    String serverKey = TestNode.SERVER_KEY;
    String decision = "{\"customerId\":\"c-contract\",\"limit\":3}";
    send("POST", "/v1/events", JSON, event, serverKey, 202);
    send("POST", "/v1/events", JSON, "[" + event.replace("view", "stare") + "]", serverKey, 400);
    send("POST", "/v1/events", "application/xml", event, serverKey, 415);
    send("POST", "/v1/events", JSON, "[" + " ".repeat(OVERSIZED_BYTES) + "]", serverKey, 413);
    send("POST", "/v1/decisions", JSON, decision, serverKey, 200);
    send("POST", "/v1/decisions", JSON, "", serverKey, 400);
    send("POST", "/v1/decisions", "application/xml", "{\"customerId\":\"c-contract\"}", serverKey, 415);
    browserOperations(event.replace("e-contract-1", "e-contract-beacon"), decision);
    send("GET", "/v1/customers/c-contract/features", null, "", TestNode.SERVER_KEY, 200);
    send("GET", "/v1/customers/c%20contract/features", null, "", TestNode.SERVER_KEY, 400);
    send("GET", "/v1/customers/c-contract/features", null, "", null, 401);
    send("GET", "/v1/customers/c-contract/features", null, "", "not-the-server-key", 403);
    for (String open : List.of(
        "/v1/openapi.json", "/health/alive", "/health/ready", "/health/ingestion", "/health/journal", "/metrics")) {
      send("GET", open, null, "", null, 200);
    }
    adminOperations();
    send("GET", "/v1/no-such-path", null, "", null, 404);
    send("DELETE", "/v1/decisions", null, "", null, 405);

    assertEquals(List.of(), unexpected, "answers other than the ones the requests were made to provoke");
    check.assertEveryAnswerMatchedAndEveryOperationSucceededBut(ONLY_REFUSED);
  }

  /** What a storefront's pages send: the publishable key in the query, events as a beacon's text/plain. */
  private void browserOperations(String event, String decision) {
    String withKey = "?key=" + PUBLISHABLE_KEY;
    send("POST", "/v1/events" + withKey, BEACON, "[" + event + "]", null, 202);
    send("POST", "/v1/decisions" + withKey, JSON, decision, null, 200);
    send("POST", "/v1/events?key=pk_not_this_nodes", BEACON, "[" + event + "]", null, 401);
    send("POST", "/v1/decisions?key=pk_not_this_nodes", JSON, decision, null, 401);
    send("POST", "/v1/events", BEACON, "[" + event + "]", null, 401);
    // the key's bucket is empty now
    send("POST", "/v1/events" + withKey, BEACON, "[" + event + "]", null, 429);
    send("POST", "/v1/decisions" + withKey, JSON, decision, null, 429);
  }

  private void adminOperations() {
    String token = TestNode.ADMIN_TOKEN;
    for (String read : List.of("/admin/models", "/admin/experiments", "/admin/members", "/admin/shards", "/admin/allocation")) {
      send("GET", read, null, "", token, 200);
    }
    send("POST", "/admin/models", "application/octet-stream", "not a bundle", token, 400);
    send("POST", "/admin/models/contract-unpublished/activate", null, "", token, 404);
    send("PUT", "/admin/experiments/contract-experiment", JSON, "{\"arms\":{}}", token, 200);
    send("PUT", "/admin/experiments/contract-experiment", JSON, "{\"arms\":{\"contract-unpublished\":1}}", token, 404);
    send("PUT", "/admin/experiments/contract-experiment", JSON, "{\"arms\":[]}", token, 400);
    String self = json(node.http().raw("GET", "/admin/members", null, token, new byte[0]).body()).path("self").asText();
    send("POST", "/admin/shards/100000/move", JSON, "{\"to\":\"" + self + "\"}", token, 404);
    send("POST", "/admin/shards/0/move", JSON, "{\"to\":\"pekko://concierge@10.255.255.1:2551\"}", token, 400);
    send("POST", "/admin/nodes/drain", JSON, "{\"address\":\"pekko://concierge@10.255.255.1:2551\"}", token, 400);
    send("PUT", "/admin/catalog/items", JSON,
        "[{\"itemId\":\"sku-contract\",\"category\":\"tents\",\"price\":12.5,\"inStock\":true,\"title\":\"Tent\"}]",
        token, 200);
    send("PUT", "/admin/catalog/items", "application/x-ndjson", "{\"itemId\":\"sku-contract\",\"price\":-1}", token, 400);
    send("PUT", "/admin/catalog/items", "text/csv", "itemId,category", token, 415);
    for (Operation operation : contract.operations()) {
      if (operation.admin()) {
        send(operation.method(), operation.examplePath(), null, "", null, 401);
        send(operation.method(), operation.examplePath(), null, "", "not-the-token", 403);
      }
    }
  }

  private void send(String method, String path, String contentType, String body, String bearerToken, int status) {
    HttpResponse<String> response =
        node.http().raw(method, path, contentType, bearerToken, body.getBytes(StandardCharsets.UTF_8));
    Answer answer = answer(method, response);
    check.check(answer);
    if (answer.status() != status) {
      unexpected.add(answer + " (expected " + status + ")");
    }
  }

  private static Answer answer(String method, HttpResponse<String> response) {
    Set<String> headers = new TreeSet<>();
    response.headers().map().keySet().forEach(name -> headers.add(name.toLowerCase(Locale.ROOT)));
    String mediaType = response.headers().firstValue("content-type").orElse("").split(";")[0].strip()
        .toLowerCase(Locale.ROOT);
    return new Answer(method, response.request().uri().getRawPath(), response.statusCode(),
        mediaType, response.body(), headers);
  }

  private JsonNode json(String body) {
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }
}
