package dev.concierge.tools.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code bin/concierge admin experiments}: list, set and end A/B experiments between model versions. */
@Command(
    name = "experiments",
    description = "The A/B experiments between model versions. Without an action (or with list): the active version"
        + " and every experiment with its arms.",
    subcommands = {ExperimentsCommand.SetExperiment.class, ExperimentsCommand.EndExperiment.class})
final class ExperimentsCommand extends ListingAction {

  private static final String ARMS_FORM = "ARMS must be version=weight pairs separated by commas, such as"
      + " v1=0.5,v2=0.5";

  @Override
  void run(AdminSession session) {
    session.print(session.client().get("/admin/experiments"), json -> AssignmentView.print(json, session.out()));
  }

  @Command(
      name = "set",
      description = "Starts experiment NAME, or changes its arms. Customers are split by a hash of their id, so each"
          + " stays in one arm.")
  static final class SetExperiment extends AdminAction {
    @Parameters(index = "0", paramLabel = "NAME", description = "the experiment")
    private String name;

    @Parameters(index = "1", paramLabel = "ARMS", converter = Arms.class,
        description = "published versions with weights, such as v1=0.5,v2=0.5")
    private ObjectNode arms;

    @Override
    void run(AdminSession session) {
      put(session, name, arms);
    }
  }

  @Command(name = "end", description = "Ends experiment NAME; its customers get the active version again.")
  static final class EndExperiment extends AdminAction {
    @Parameters(paramLabel = "NAME", description = "the experiment")
    private String name;

    @Override
    void run(AdminSession session) {
      put(session, name, session.mapper().createObjectNode());
    }
  }

  private static void put(AdminSession session, String name, ObjectNode arms) {
    ObjectNode body = session.mapper().createObjectNode();
    body.set("arms", arms);
    AdminResponse changed =
        session.client().putJson("/admin/experiments/" + URLEncoder.encode(name, StandardCharsets.UTF_8), body);
    session.print(changed, json -> AssignmentView.print(json, session.out()));
  }

  /** Reads ARMS: {@code v1=0.5,v2=0.5}. */
  static final class Arms implements ITypeConverter<ObjectNode> {
    @Override
    public ObjectNode convert(String text) {
      ObjectNode arms = new ObjectMapper().createObjectNode();
      for (String pair : text.split(",")) {
        String[] parts = pair.split("=", -1);
        if (parts.length != 2 || parts[0].isBlank()) {
          throw new TypeConversionException(ARMS_FORM + ", was '" + text + "'");
        }
        try {
          arms.put(parts[0].strip(), Double.parseDouble(parts[1].strip()));
        } catch (NumberFormatException e) {
          throw new TypeConversionException(ARMS_FORM + "; '" + parts[1] + "' is not a number");
        }
      }
      return arms;
    }
  }
}
