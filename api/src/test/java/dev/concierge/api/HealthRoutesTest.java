package dev.concierge.api;

import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.junit.jupiter.api.Test;

class HealthRoutesTest extends RouteTestSupport {

  private static final String STALL =
      "ingestion has committed none of its records for 75 s (stall-after 60 s), its stream restarted 3 times meanwhile";

  @Test
  void aliveIs200() {
    RouteFixture fixture = new RouteFixture().readinessProblems("cluster member is Joining, not Up");

    get(fixture.route(), "/health/alive")
        .assertStatusCode(200)
        .assertContentType(ContentTypes.APPLICATION_JSON)
        .assertEntity("{\"status\":\"alive\"}");
  }

  @Test
  void readyWithNoProblemsIs200() {
    RouteFixture fixture = new RouteFixture();

    get(fixture.route(), "/health/ready")
        .assertStatusCode(200)
        .assertContentType(ContentTypes.APPLICATION_JSON)
        .assertEntity("{\"status\":\"ready\"}");
  }

  @Test
  void readyWithProblemsIs503JsonListingThemAll() {
    RouteFixture fixture =
        new RouteFixture()
            .readinessProblems("cluster member is Joining, not Up", "Kafka ingestion is not running");

    String message = assertError(get(fixture.route(), "/health/ready"), 503, "not_ready");

    assertMentions(message, "cluster member is Joining, not Up", "Kafka ingestion is not running");
  }

  @Test
  void aReachableJournalIs200AndAnUnreachableOneIs503SayingWhyWhileTheNodeStaysReady() {
    RouteFixture reachable = new RouteFixture();
    RouteFixture down = new RouteFixture().journalProblems("the Cassandra journal does not answer");

    get(reachable.route(), "/health/journal").assertStatusCode(200).assertEntity("{\"status\":\"reachable\"}");
    String message = assertError(get(down.route(), "/health/journal"), 503, "journal_unreachable");
    assertMentions(message, "the Cassandra journal does not answer");
    get(down.route(), "/health/ready").assertStatusCode(200);
  }

  @Test
  void ingestionThatMovesIs200AndAStalledOneIs503SayingWhyWhileTheNodeStaysReady() {
    RouteFixture moving = new RouteFixture();
    RouteFixture stalled = new RouteFixture().ingestionProblems(STALL);

    get(moving.route(), "/health/ingestion").assertStatusCode(200).assertEntity("{\"status\":\"moving\"}");
    String message = assertError(get(stalled.route(), "/health/ingestion"), 503, "ingestion_stalled");
    assertMentions(message, STALL);
    get(stalled.route(), "/health/ready").assertStatusCode(200);
  }

  @Test
  void healthAcceptsOnlyGet() {
    RouteFixture fixture = new RouteFixture();

    String message =
        assertError(testRoute(fixture.route()).run(HttpRequest.POST("/health/alive")), 405, "method_not_allowed");

    assertMentions(message, "GET");
  }
}
