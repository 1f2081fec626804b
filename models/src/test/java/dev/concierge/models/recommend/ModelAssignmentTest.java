package dev.concierge.models.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelAssignmentTest {

  private static final int CUSTOMERS = 20_000;

  @Test
  void withoutExperimentsEveryoneGetsTheActiveVersion() {
    ModelAssignment.Choice choice = ModelAssignment.NONE.activate("lr-2").choose("c-1");

    assertEquals("lr-2", choice.version());
    assertNull(choice.experiment());
    assertNull(choice.arm());
  }

  @Test
  void anExperimentSplitsCustomersByItsWeights() {
    ModelAssignment assignment =
        ModelAssignment.NONE.activate("lr-2").withExperiment("trees-vs-linear", Map.of("lr-2", 3.0, "xgb-1", 1.0));

    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      counts.merge(assignment.choose("c-" + i).arm(), 1, Integer::sum);
    }

    assertEquals(0.75, counts.get("lr-2") / (double) CUSTOMERS, 0.02);
    assertEquals(0.25, counts.get("xgb-1") / (double) CUSTOMERS, 0.02);
  }

  @Test
  void aCustomerKeepsTheirArm() {
    ModelAssignment assignment = ModelAssignment.NONE.withExperiment("e", Map.of("a", 1.0, "b", 1.0));
    ModelAssignment sameAgain = ModelAssignment.NONE.withExperiment("e", Map.of("b", 1.0, "a", 1.0));

    for (int i = 0; i < 1000; i++) {
      ModelAssignment.Choice choice = assignment.choose("c-" + i);
      assertEquals(choice, assignment.choose("c-" + i));
      assertEquals(choice, sameAgain.choose("c-" + i), "the order arms are listed in does not matter");
      assertEquals("e", choice.experiment());
      assertEquals(choice.arm(), choice.version());
    }
  }

  @Test
  void theHashIsStableAcrossVersionsOfTheCode() {
    // arms end up in analyses and in the decisions topic: a customer's arm must never move
    assertEquals(0.13145981259147155, ModelAssignment.unitHash("e\u0000c-1"), 0);
    assertEquals(0.9247168271715233, ModelAssignment.unitHash(""), 0);
  }

  @Test
  void anEmptyArmListEndsTheExperiment() {
    ModelAssignment running = ModelAssignment.NONE.activate("v1").withExperiment("e", Map.of("a", 1.0));

    ModelAssignment ended = running.withExperiment("e", Map.of());

    assertEquals(new ModelAssignment.Choice("v1", null, null), ended.choose("c-1"));
  }

  @Test
  void weightsMustBePositive() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> ModelAssignment.NONE.withExperiment("e", Map.of("a", 0.0)));
    assertTrue(refused.getMessage().contains("arm 'a'"), refused.getMessage());
  }
}
