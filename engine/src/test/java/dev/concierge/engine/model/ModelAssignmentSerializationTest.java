package dev.concierge.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.models.recommend.ModelAssignment;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The assignment crosses nodes inside a Distributed Data register, so it must survive serialization. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class ModelAssignmentSerializationTest {

  private static final boolean ASSERT_EQUALITY = true;

  @JUnit5TestKit ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  @Test
  void anAssignmentWithAnExperimentRoundTripsThroughKryoWithItsGeneration() {
    AssignmentGeneration generation =
        new AssignmentGeneration(
            7,
            ModelAssignment.NONE.activate("lr-1").withExperiment("trees-vs-linear", Map.of("lr-1", 1.0, "xgb-1", 2.0)));

    AssignmentGeneration copy = testKit.serializationTestKit().verifySerialization(generation, ASSERT_EQUALITY);

    assertEquals(7, copy.number());
    for (int i = 0; i < 100; i++) {
      assertEquals(generation.assignment().choose("c-" + i), copy.assignment().choose("c-" + i), "customers keep their arms");
    }
  }
}
