package dev.concierge.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The judge is not lenient: each way an answer can differ from the document is found. */
class ApiContractTest {

  private static final ApiContract CONTRACT = ApiContract.load();
  private static final String JSON = "application/json";
  private static final String FEATURES = "/v1/customers/c-1/features";

  @Test
  void aDocumentedAnswerMatches() {
    assertEquals(List.of(), CONTRACT.problems(new Answer("GET", "/health/alive", 200, JSON, "{\"status\":\"alive\"}", Set.of())));
  }

  @Test
  void aBodyOfAnotherShapeUnderAParameterisedPathIsFound() {
    assertFalse(CONTRACT.problems(new Answer("GET", FEATURES, 200, JSON, "{\"customerId\":\"c-1\"}", Set.of())).isEmpty());
  }

  @Test
  void anErrorCodeTheOperationDoesNotListIsFound() {
    assertFalse(CONTRACT.problems(
        new Answer("GET", FEATURES, 400, JSON, "{\"error\":\"invalid_json\",\"message\":\"m\"}", Set.of())).isEmpty());
  }

  @Test
  void aStatusTheOperationDoesNotListIsFound() {
    assertFalse(CONTRACT.problems(new Answer("GET", "/health/alive", 503,
        JSON, "{\"error\":\"unavailable\",\"message\":\"m\"}", Set.of())).isEmpty());
  }

  @Test
  void aMissingRequiredHeaderIsFound() {
    assertFalse(CONTRACT.problems(new Answer("GET", "/admin/members", 401,
        JSON, "{\"error\":\"unauthorized\",\"message\":\"m\"}", Set.of())).isEmpty());
  }

  @Test
  void anotherMediaTypeIsFound() {
    assertFalse(CONTRACT.problems(new Answer("GET", "/metrics", 200, JSON, "{}", Set.of())).isEmpty());
  }

  @Test
  void aSuccessOfAnUndocumentedOperationIsFound() {
    assertFalse(CONTRACT.problems(new Answer("GET", "/v1/secret", 200, JSON, "{}", Set.of())).isEmpty());
  }
}
