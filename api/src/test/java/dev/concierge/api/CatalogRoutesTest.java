package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogEdits;
import dev.concierge.models.CatalogItem;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.engine.catalog.CatalogPublisher;
import dev.concierge.engine.ingestion.EventPublisher;
import dev.concierge.persistence.json.CatalogJson;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.Authorization;
import org.apache.pekko.http.javadsl.testkit.TestRouteResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code PUT /admin/catalog/items}: items whole or partial, or deletions, merged and written all or nothing. */
class CatalogRoutesTest extends RouteTestSupport {

  private static final CatalogItem TENT = new CatalogItem("sku-1", "tents", 199.0, true, "Ridge tent", 5);
  private static final ContentType NDJSON = ContentTypes.parse("application/x-ndjson");
  private static final ContentType JSONL = ContentTypes.parse("application/jsonl");

  // the test instance lives for the whole class (RouteTestSupport): a new fixture per test
  private RouteFixture fixture;

  @BeforeEach
  void freshFixture() {
    fixture = new RouteFixture().catalog(Catalog.of(List.of(TENT)));
  }

  @Test
  void anArrayOfNewItemsIsWrittenWholeAndCounted() {
    TestRouteResult result = put(ContentTypes.APPLICATION_JSON,
        "[{\"itemId\":\"sku-2\",\"category\":\"bags\",\"price\":30,\"inStock\":true,\"title\":\"Day pack\",\"popularity\":2}]");

    result.assertStatusCode(200);
    assertCounts(json(result), 1, 1, 0, 0);
    assertEquals(List.of(List.of(new CatalogEdits.Write("sku-2", new CatalogItem("sku-2", "bags", 30, true, "Day pack", 2)))),
        fixture.catalogWrites);
  }

  @Test
  void priceStockAndDeletionUpdatesOfJsonLinesMergeWithTheNodesCatalog() {
    TestRouteResult result = put(NDJSON,
        "{\"itemId\":\"sku-1\",\"price\":149.5}\n\n{\"itemId\":\"sku-1\",\"inStock\":false}\n{\"itemId\":\"sku-9\",\"deleted\":true}\n");

    result.assertStatusCode(200);
    assertCounts(json(result), 3, 0, 2, 1);
    assertEquals(List.of(
            new CatalogEdits.Write("sku-1", new CatalogItem("sku-1", "tents", 149.5, true, "Ridge tent", 5)),
            new CatalogEdits.Write("sku-1", new CatalogItem("sku-1", "tents", 149.5, false, "Ridge tent", 5)),
            new CatalogEdits.Write("sku-9", null)),
        fixture.catalogWrites.get(0));
  }

  @Test
  void jsonlIsJsonLinesToo() {
    put(JSONL, "{\"itemId\":\"sku-1\",\"price\":1}").assertStatusCode(200);
  }

  @Test
  void anInvalidItemIsA400NamingItsLineAndFieldAndNothingIsWritten() {
    TestRouteResult result = put(NDJSON,
        "{\"itemId\":\"sku-2\",\"category\":\"bags\"}\n\n{\"itemId\":\"sku-3\",\"category\":\"bags\",\"price\":-1}\n");

    assertMentions(assertError(result, 400, "invalid_request"), "line 3", "'price'");
    assertTrue(fixture.catalogWrites.isEmpty(), "all or nothing");
  }

  @Test
  void anInvalidItemOfAnArrayIsNamedByItsIndex() {
    TestRouteResult result = put(ContentTypes.APPLICATION_JSON,
        "[{\"itemId\":\"sku-2\",\"category\":\"bags\"},{\"itemId\":\"sku 3\",\"category\":\"bags\"}]");

    assertMentions(assertError(result, 400, "invalid_request"), "item [1]", "'itemId'");
    assertTrue(fixture.catalogWrites.isEmpty());
  }

  @Test
  void aPartialUpdateOfAnUnknownItemIsA400ThatAsksForItsCategory() {
    TestRouteResult result = put(NDJSON, "{\"itemId\":\"sku-1\",\"price\":1}\n{\"itemId\":\"sku-404\",\"inStock\":false}");

    assertMentions(assertError(result, 400, "invalid_request"), "line 2", "sku-404", "'category'");
    assertTrue(fixture.catalogWrites.isEmpty());
  }

  @Test
  void aLineThatIsNotJsonIsA400NamingTheLine() {
    assertMentions(assertError(put(NDJSON, "{\"itemId\":\"sku-1\",\"price\":1}\n{oops"), 400, "invalid_json"), "line 2");
  }

  @Test
  void anArrayBodyThatIsAnObjectOrEmptyIsA400() {
    assertError(put(ContentTypes.APPLICATION_JSON, "{\"itemId\":\"sku-1\",\"price\":1}"), 400, "invalid_request");
    assertMentions(assertError(put(ContentTypes.APPLICATION_JSON, "[]"), 400, "invalid_request"), "no items");
    assertMentions(assertError(put(NDJSON, "\n \n"), 400, "invalid_request"), "no items");
  }

  @Test
  void anotherContentTypeIsA415() {
    assertMentions(assertError(put(ContentTypes.TEXT_PLAIN_UTF8, "[]"), 415, "unsupported_media_type"), "x-ndjson");
  }

  @Test
  void aBodyOverTheCatalogLimitIsA413AndNothingIsWritten() {
    char[] title = new char[(int) RouteFixture.MAX_CATALOG_BODY_BYTES];
    Arrays.fill(title, 'x');

    TestRouteResult result = put(NDJSON, "{\"itemId\":\"sku-1\",\"title\":\"" + new String(title) + "\"}");

    assertMentions(assertError(result, 413, "payload_too_large"), String.valueOf(RouteFixture.MAX_CATALOG_BODY_BYTES));
    assertTrue(fixture.catalogWrites.isEmpty());
  }

  @Test
  void aBodyOverTheApisUsualLimitButWithinTheCatalogsIsTaken() {
    long usualLimit = com.typesafe.config.ConfigFactory.load().getBytes("pekko.http.server.parsing.max-content-length");
    RouteFixture large = new RouteFixture().catalogLimit(usualLimit * 2);
    StringBuilder lines = new StringBuilder();
    for (int i = 0; lines.length() <= usualLimit; i++) {
      lines.append("{\"itemId\":\"sku-").append(i).append("\",\"category\":\"bags\",\"title\":\"a long enough title\"}\n");
    }

    TestRouteResult result = testRoute(large.route()).run(HttpRequest.PUT("/admin/catalog/items")
        .withEntity(NDJSON, lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).addHeader(Authorization.oauth2(RouteFixture.ADMIN_TOKEN)));

    result.assertStatusCode(200);
  }

  @Test
  void withoutTheAdminTokenItIsA401AndNothingIsWritten() {
    TestRouteResult result = testRoute(fixture.route()).run(HttpRequest.PUT("/admin/catalog/items")
        .withEntity(ContentTypes.APPLICATION_JSON, "[{\"itemId\":\"sku-2\",\"category\":\"bags\"}]"));

    assertError(result, 401, "unauthorized");
    assertTrue(fixture.catalogWrites.isEmpty());
  }

  @Test
  void kafkaRefusingTheWritesIsA503() {
    fixture.catalogSink(writes -> CompletableFuture.failedFuture(new IllegalStateException("broker down")));

    assertMentions(assertError(put(NDJSON, "{\"itemId\":\"sku-1\",\"price\":1}"), 503, "unavailable"), "retry");
  }

  @Test
  void aTitleOfAMillionCharactersIsA400NamingItsItemAndFieldAndNothingIsWritten() {
    fixture.catalogLimit(2_000_000);
    String title = "t".repeat(1_200_000);

    TestRouteResult result = put(ContentTypes.APPLICATION_JSON,
        "[{\"itemId\":\"big-title\",\"category\":\"c\",\"price\":1,\"inStock\":true,\"title\":\"" + title + "\"}]");

    assertMentions(assertError(result, 400, "invalid_request"), "item [0]", "'title'", "at most 1000 characters");
    assertTrue(fixture.catalogWrites.isEmpty(), "never offered to Kafka");
  }

  @Test
  void aCategoryLongerThanItsLimitIsA400NamingItsItemAndField() {
    TestRouteResult result = put(NDJSON, "{\"itemId\":\"sku-2\",\"category\":\"" + "c".repeat(129) + "\"}");

    assertMentions(assertError(result, 400, "invalid_request"), "line 1", "'category'", "1 to 128 characters");
  }

  @Test
  void anItemWhoseRecordIsLargerThanTheProducerSendsIsA413NamingItAndNothingIsWritten() {
    EventPublisher publisher = RouteFixture.publisherTakingRecordsUpTo(400);
    try {
      fixture.catalogSink(new CatalogPublisher("catalog", new CatalogJson(new ObjectMapper()), publisher)::publish);

      TestRouteResult result = put(NDJSON, "{\"itemId\":\"sku-1\",\"price\":2}\n"
          + "{\"itemId\":\"long-title\",\"category\":\"c\",\"title\":\"" + "t".repeat(500) + "\"}");

      assertMentions(assertError(result, 413, "payload_too_large"), "item 'long-title'", "max.request.size",
          "nothing of the request is stored");
    } finally {
      publisher.stop().toCompletableFuture().join();
    }
  }

  private TestRouteResult put(ContentType type, String body) {
    return testRoute(fixture.route()).run(HttpRequest.PUT("/admin/catalog/items")
        .withEntity(type, body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).addHeader(Authorization.oauth2(RouteFixture.ADMIN_TOKEN)));
  }

  private static void assertCounts(JsonNode body, int accepted, int created, int updated, int deleted) {
    assertEquals(accepted, body.path("accepted").asInt(-1), body.toString());
    assertEquals(created, body.path("created").asInt(-1), body.toString());
    assertEquals(updated, body.path("updated").asInt(-1), body.toString());
    assertEquals(deleted, body.path("deleted").asInt(-1), body.toString());
  }
}
