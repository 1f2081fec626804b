package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;

/**
 * Every request body is read whole before routing, so that an answer given without looking at the
 * body (a 415, a 405) never leaves unread bytes that make Pekko close the connection under the
 * client. These bodies arrive in chunks, as a large body does through a real socket.
 */
class WholeBodyTest extends RouteTestSupport {

  private static final Duration BODY_TIMEOUT = Duration.ofMillis(300);

  @Test
  void aBodyInTheWrongContentTypeIsReadToTheEndBeforeIts415() throws Exception {
    CompletableFuture<Done> bodyRead = new CompletableFuture<>();
    RequestEntity body = HttpEntities.create(ContentTypes.TEXT_PLAIN_UTF8,
        Source.from(chunks("not json ", 2_000)).watchTermination((notUsed, done) -> forward(done, bodyRead)));

    assertError(testRoute(new RouteFixture().route()).run(HttpRequest.POST("/v1/decisions").withEntity(body)),
        415, "unsupported_media_type");
    assertEquals(Done.getInstance(), bodyRead.get(1, TimeUnit.SECONDS), "the whole body was read");
  }

  @Test
  void aDecisionSentInChunksReachesTheDeciderWhole() {
    RouteFixture fixture = new RouteFixture();
    String json = "{\"customerId\":\"c-42\",\"limit\":3}";
    RequestEntity body = HttpEntities.create(ContentTypes.APPLICATION_JSON,
        Source.from(List.of(ByteString.fromString(json.substring(0, 10)), ByteString.fromString(json.substring(10)))));

    testRoute(fixture.route()).run(HttpRequest.POST("/v1/decisions").withEntity(body)).assertStatusCode(200);
    assertEquals("c-42", fixture.decisionQueries.get(0).customerId());
  }

  @Test
  void aChunkedBodyOverTheLimitIs413() {
    RequestEntity body = (RequestEntity) HttpEntities.create(ContentTypes.APPLICATION_JSON,
        Source.from(chunks("[\"x\",", 10_000))).withSizeLimit(1_000);

    assertMentions(assertError(testRoute(bodyEcho()).run(HttpRequest.POST("/v1/events").withEntity(body)),
        413, "payload_too_large"), "1000 bytes");
  }

  @Test
  void aBodyThatStopsArrivingIs408AndSaysHowLongItMayTake() {
    RequestEntity body = HttpEntities.create(ContentTypes.APPLICATION_JSON,
        Source.single(ByteString.fromString("{\"customerId\":")).concat(Source.never()));

    assertMentions(assertError(testRoute(bodyEcho()).run(HttpRequest.POST("/v1/decisions").withEntity(body)),
        408, "request_timeout"), "300 ms");
  }

  /** A route that answers with the body it got, behind the error mapping and a short body timeout. */
  private Route bodyEcho() {
    JsonResponses responses = new JsonResponses(new ObjectMapper().getFactory());
    return new ErrorHandling(responses).wrap(new WholeBody(BODY_TIMEOUT).of(
        Directives.extractRequestEntity(entity -> Directives.complete(entity.toString()))));
  }

  private static List<ByteString> chunks(String text, int count) {
    return Collections.nCopies(count, ByteString.fromArray(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Completes {@code into} when the body's stream has been read to its end. */
  private static NotUsed forward(CompletionStage<Done> done, CompletableFuture<Done> into) {
    done.thenAccept(into::complete);
    return NotUsed.getInstance();
  }
}
