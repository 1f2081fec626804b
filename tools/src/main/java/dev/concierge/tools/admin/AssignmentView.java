package dev.concierge.tools.admin;

import static dev.concierge.tools.admin.TextTable.Column.left;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints a model assignment (the active version and the A/B experiments), as the admin API writes it. */
final class AssignmentView {

  private AssignmentView() {}

  static void print(JsonNode assignment, PrintStream out) {
    JsonNode active = assignment.path("activeVersion");
    out.println("active version: " + (active.isTextual() ? active.asText() : "(none)"));
    JsonNode experiments = assignment.path("experiments");
    if (experiments.isEmpty()) {
      out.println("experiments: (none)");
      return;
    }
    TextTable table = new TextTable(left("EXPERIMENT"), left("ARMS"));
    experiments.fields().forEachRemaining(experiment -> table.add(experiment.getKey(), arms(experiment.getValue())));
    table.print(out);
  }

  /** {@code {"arms":{"v1":0.5,"v2":0.5}}} -> {@code v1=0.5, v2=0.5}. */
  private static String arms(JsonNode experiment) {
    List<String> arms = new ArrayList<>();
    experiment.path("arms").fields().forEachRemaining(arm -> arms.add(arm.getKey() + "=" + arm.getValue().asText()));
    return String.join(", ", arms);
  }
}
