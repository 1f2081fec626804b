package dev.concierge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

  @ParameterizedTest(name = "\"{0}\" is an id")
  @ValueSource(strings = {"c-42", "sku-7", "sim-1-123", "e.1", "user_9", "a:b", "me@shop", "X",
      "0c9a8b3e-5f1d-4c2b-9a7e-1234567890ab"})
  void lettersDigitsAndAFewSeparatorsMakeAnId(String id) {
    assertEquals(Optional.empty(), Identifiers.problem("customerId", id));
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @ValueSource(strings = {"c 42", "a/b", "c-42\n", "\u001b[31mred", "caf\u00e9", "<script>", "a;b", "\u0000"})
  void anythingElseIsRefusedNamingTheFieldAndTheCharacterByCode(String id) {
    String problem = Identifiers.problem("customerId", id).orElseThrow();

    assertTrue(problem.startsWith("field 'customerId' may hold only letters, digits and ._-:@"), problem);
    assertTrue(problem.matches(".*character \\d+ is U\\+[0-9A-F]{4}"), problem);
  }

  @ParameterizedTest(name = "length {0}")
  @ValueSource(ints = {0, Identifiers.MAX_LENGTH + 1, 10_000})
  void anEmptyOrOverlongIdIsRefusedWithItsLength(int length) {
    String problem = Identifiers.problem("itemId", "x".repeat(length)).orElseThrow();

    assertEquals("field 'itemId' must be 1 to " + Identifiers.MAX_LENGTH + " characters long, not " + length, problem);
  }

  @ParameterizedTest(name = "length {0}")
  @ValueSource(ints = {1, Identifiers.MAX_LENGTH})
  void theLengthLimitsAreInclusive(int length) {
    assertEquals(Optional.empty(), Identifiers.problem("itemId", "x".repeat(length)));
  }
}
