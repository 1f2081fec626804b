package dev.concierge.tools.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.tools.UsageException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code bin/concierge admin experiments}: list, set and end A/B experiments between model versions. */
final class ExperimentsCommand {

  static final String USAGE =
      """
      Usage: bin/concierge admin experiments [list]         [--json] [--url URL] [--token T]
             bin/concierge admin experiments set NAME ARMS  [--json] [--url URL] [--token T]
             bin/concierge admin experiments end NAME       [--json] [--url URL] [--token T]

        list   the active version and every experiment with its arms
        set    starts experiment NAME, or changes its arms: ARMS are published versions with weights,
               such as v1=0.5,v2=0.5. Customers are split by a hash of their id, so each stays in one arm
        end    ends experiment NAME; its customers get the active version again
      """ + AdminSession.GLOBAL_OPTIONS_HELP;

  private static final String ARMS_FORM = "ARMS must be version=weight pairs separated by commas, such as"
      + " v1=0.5,v2=0.5";

  static final Subcommand COMMAND = Subcommand.withActions("experiments", USAGE, "list",
      Map.of("list", ExperimentsCommand::list, "set", ExperimentsCommand::set, "end", ExperimentsCommand::end));

  private ExperimentsCommand() {}

  private static void list(AdminSession session, List<String> operands) throws UsageException {
    AdminSession.expect(operands);
    session.print(session.client().get("/admin/experiments"), json -> AssignmentView.print(json, session.out()));
  }

  private static void set(AdminSession session, List<String> operands) throws UsageException {
    List<String> given = AdminSession.expect(operands, "NAME", "ARMS");
    put(session, given.get(0), arms(session, given.get(1)));
  }

  private static void end(AdminSession session, List<String> operands) throws UsageException {
    put(session, AdminSession.expect(operands, "NAME").get(0), session.mapper().createObjectNode());
  }

  private static void put(AdminSession session, String name, ObjectNode arms) throws UsageException {
    ObjectNode body = session.mapper().createObjectNode();
    body.set("arms", arms);
    AdminResponse changed =
        session.client().putJson("/admin/experiments/" + URLEncoder.encode(name, StandardCharsets.UTF_8), body);
    session.print(changed, json -> AssignmentView.print(json, session.out()));
  }

  private static ObjectNode arms(AdminSession session, String text) throws UsageException {
    ObjectNode arms = session.mapper().createObjectNode();
    for (String pair : text.split(",")) {
      String[] parts = pair.split("=", -1);
      if (parts.length != 2 || parts[0].isBlank()) {
        throw new UsageException(ARMS_FORM + ", was '" + text + "'");
      }
      try {
        arms.put(parts[0].strip(), Double.parseDouble(parts[1].strip()));
      } catch (NumberFormatException e) {
        throw new UsageException(ARMS_FORM + "; '" + parts[1] + "' is not a number");
      }
    }
    return arms;
  }
}
