package dev.concierge.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Answers judged by the {@link ApiContract} one after another, and at the end whether every answer
 * matched and every documented operation gave at least one successful answer: a newly documented
 * operation fails the test until it sends that operation a request.
 */
public final class ContractCheck {

  private final ApiContract contract;
  private final List<String> mismatches = new ArrayList<>();
  private final Map<String, Set<Integer>> answered = new TreeMap<>();

  public ContractCheck(ApiContract contract) {
    this.contract = contract;
  }

  public void check(Answer answer) {
    List<String> problems = contract.problems(answer);
    if (!problems.isEmpty()) {
      mismatches.add(answer + ": " + problems);
    }
    contract.operation(answer.method(), answer.path())
        .ifPresent(operation -> answered.computeIfAbsent(operation.toString(), key -> new TreeSet<>()).add(answer.status()));
  }

  public void assertEveryAnswerMatchedAndEveryOperationSucceeded() {
    assertEveryAnswerMatchedAndEveryOperationSucceededBut(Map.of());
  }

  /**
   * As {@link #assertEveryAnswerMatchedAndEveryOperationSucceeded()}, but the operations of {@code
   * onlyRefused} (by {@code "POST /admin/nodes/drain"}, to why they cannot succeed there) need only be
   * answered at all.
   */
  public void assertEveryAnswerMatchedAndEveryOperationSucceededBut(Map<String, String> onlyRefused) {
    System.out.println("statuses checked per operation: " + answered);
    assertEquals(List.of(), mismatches, "answers that differ from the OpenAPI document");
    List<String> notAnswered = contract.operations().stream()
        .map(Operation::toString)
        .filter(operation -> answered.getOrDefault(operation, Set.of()).stream()
            .noneMatch(status -> status < 300 || onlyRefused.containsKey(operation)))
        .toList();
    assertEquals(List.of(), notAnswered, "documented operations without a successful answer checked");
  }
}
