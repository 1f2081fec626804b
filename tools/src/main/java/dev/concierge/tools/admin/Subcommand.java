package dev.concierge.tools.admin;

import dev.concierge.tools.UsageException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One command of {@code bin/concierge admin}: its name, its usage (shown by {@code --help}), the
 * options it takes besides the global ones, and its work.
 */
record Subcommand(String name, String usage, Set<String> valued, Set<String> flags, Action action) {

  @FunctionalInterface
  interface Action {
    void run(AdminSession session) throws Exception;
  }

  /** One action of a command that has several, given the operands after the action's name. */
  @FunctionalInterface
  interface Step {
    void run(AdminSession session, List<String> operands) throws Exception;
  }

  /** A command whose first operand names the action ({@code models publish FILE}); none means the default. */
  static Subcommand withActions(String name, String usage, String defaultAction, Map<String, Step> steps) {
    return new Subcommand(name, usage, Set.of(), Set.of(), session -> {
      List<String> operands = session.options().operands();
      String action = operands.isEmpty() ? defaultAction : operands.get(0);
      Step step = steps.get(action);
      if (step == null) {
        throw new UsageException("unknown " + name + " action '" + action + "'; use one of " + new TreeSet<>(steps.keySet()));
      }
      step.run(session, operands.isEmpty() ? List.of() : operands.subList(1, operands.size()));
    });
  }
}
