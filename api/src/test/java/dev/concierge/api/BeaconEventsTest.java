package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.testkit.TestRouteResult;
import org.junit.jupiter.api.Test;

/** {@code navigator.sendBeacon(url, string)} sends {@code text/plain;charset=UTF-8}: events take it as JSON. */
class BeaconEventsTest extends RouteTestSupport {

  private static final String EVENT =
      "{\"eventId\":\"e-1\",\"customerId\":\"c-42\",\"type\":\"view\",\"itemId\":\"sku-7\","
          + "\"timestamp\":\"2026-11-26T10:00:00Z\"}";
  private static final ContentType TEXT_PLAIN_WITHOUT_CHARSET = MediaTypes.TEXT_PLAIN.toContentTypeWithMissingCharset();

  private TestRouteResult postAs(RouteFixture fixture, String path, ContentType type, String body) {
    return testRoute(fixture.route()).run(HttpRequest.POST(path).withEntity(type, body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void eventsSentAsTextPlainWithTheUtf8CharsetAreAccepted() {
    RouteFixture fixture = new RouteFixture();

    postAs(fixture, "/v1/events", ContentTypes.TEXT_PLAIN_UTF8, "[" + EVENT + "]").assertStatusCode(202);

    assertEquals(1, fixture.publishedBatches.size());
  }

  @Test
  void eventsSentAsTextPlainWithoutACharsetAreAccepted() {
    RouteFixture fixture = new RouteFixture();

    postAs(fixture, "/v1/events", TEXT_PLAIN_WITHOUT_CHARSET, EVENT).assertStatusCode(202);

    assertEquals(1, fixture.publishedBatches.size());
  }

  @Test
  void aTextPlainBodyIsValidatedAsJsonIs() {
    RouteFixture fixture = new RouteFixture();
    String noItem = EVENT.replace(",\"itemId\":\"sku-7\"", "");

    assertEquals(
        assertError(postAs(fixture, "/v1/events", ContentTypes.APPLICATION_JSON, noItem), 400, "invalid_request"),
        assertError(postAs(fixture, "/v1/events", ContentTypes.TEXT_PLAIN_UTF8, noItem), 400, "invalid_request"));
    assertError(postAs(fixture, "/v1/events", ContentTypes.TEXT_PLAIN_UTF8, "[{"), 400, "invalid_json");
    assertTrue(fixture.publishedBatches.isEmpty(), "nothing invalid reached the sink");
  }

  @Test
  void textPlainInAnotherCharsetIs415SinceJsonIsUtf8() {
    ContentType latin1 = MediaTypes.TEXT_PLAIN.toContentType(HttpCharsets.ISO_8859_1);

    assertMentions(assertError(postAs(new RouteFixture(), "/v1/events", latin1, EVENT), 415, "unsupported_media_type"),
        "text/plain;charset=UTF-8");
  }

  @Test
  void decisionsStillTakeOnlyApplicationJson() {
    assertError(
        postAs(new RouteFixture(), "/v1/decisions", ContentTypes.TEXT_PLAIN_UTF8, "{\"customerId\":\"c-42\"}"),
        415, "unsupported_media_type");
  }
}
