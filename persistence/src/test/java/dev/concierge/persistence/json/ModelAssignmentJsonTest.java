package dev.concierge.persistence.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.recommend.ModelAssignment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored assignment outlives the nodes that wrote it, so its format is fixed, and versioned. */
class ModelAssignmentJsonTest {

  private final ModelAssignmentJson json = new ModelAssignmentJson(new ObjectMapper());

  @Test
  void anAssignmentWithExperimentsReadsBackAsWritten() {
    ModelAssignment assignment =
        ModelAssignment.NONE.activate("lr-1").withExperiment("trees-vs-linear", Map.of("lr-1", 1.0, "xgb-1", 2.5));

    assertEquals(assignment, json.read(json.write(assignment)));
    assertEquals(ModelAssignment.NONE, json.read(json.write(ModelAssignment.NONE)));
  }

  @Test
  void formatOneIsReadAsItWasWritten() {
    // golden text: a node of any later version must still read what this one stored
    String stored = "{\"format\":1,\"activeVersion\":\"lr-1\",\"experiments\":{\"ab\":{\"lr-1\":1.0,\"xgb-1\":3.0}}}";

    assertEquals(ModelAssignment.NONE.activate("lr-1").withExperiment("ab", Map.of("lr-1", 1.0, "xgb-1", 3.0)),
        json.read(stored));
    assertEquals(stored, json.write(json.read(stored)), "this version writes format 1");
  }

  @Test
  void aFormatFromANewerNodeIsRefusedByName() {
    ModelAssignmentJson.UnreadableAssignmentException refused =
        assertThrows(ModelAssignmentJson.UnreadableAssignmentException.class,
            () -> json.read("{\"format\":2,\"activeVersion\":\"lr-1\",\"experiments\":{}}"));

    assertTrue(refused.getMessage().contains("format 2"), refused.getMessage());
  }
}
