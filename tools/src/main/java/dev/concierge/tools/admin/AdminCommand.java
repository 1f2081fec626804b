package dev.concierge.tools.admin;

import dev.concierge.tools.ToolMain;
import dev.concierge.tools.UsageException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code bin/concierge admin}: the operator's view of the cluster and its controls, through a node's
 * admin HTTP API: members, where shards live and which are hot, moving a shard, draining a node,
 * the allocation settings, and the model bundles and experiments.
 */
public final class AdminCommand {

  static final String USAGE =
      """
      Usage: bin/concierge admin <command> [options]

      Commands (each has --help):
        members                      the members, their status and reachability; leader, oldest, self
        shards [--top N]             shards and entities per node, then the N hottest shards (default 20)
        move SHARD --to NODE         moves a shard to a node and waits until it lives there
        drain NODE [--via URL]       the node leaves gracefully, its shards handed off; waits until removed
        allocation                   the shard allocation and rebalance settings in force
        models [list]                the published bundles, the active version and the experiments
        models publish FILE          publishes a bundle written by bin/concierge train
        models activate VERSION      makes a published bundle the one that serves
        experiments [list]           the A/B experiments and their arms
        experiments set NAME ARMS    starts or changes an experiment, ARMS as v1=0.5,v2=0.5
        experiments end NAME         ends an experiment
        rolling-restart              (bin/concierge only) restarts the local nodes one at a time

      NODE is a member's address (pekko://concierge@127.0.0.1:2552), host:port (127.0.0.1:2552) or
      local1..local3, the nodes of bin/concierge cluster start.
      """ + AdminSession.GLOBAL_OPTIONS_HELP;

  private static final List<Subcommand> COMMANDS =
      List.of(MembersCommand.COMMAND, ShardsCommand.COMMAND, MoveCommand.COMMAND, DrainCommand.COMMAND,
          AllocationCommand.COMMAND, ModelsCommand.COMMAND, ExperimentsCommand.COMMAND);

  private AdminCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, AdminEnvironment.fromSystem()));
  }

  static int run(String[] args, PrintStream out, PrintStream err, AdminEnvironment environment) {
    Optional<Integer> at = commandPosition(args);
    if (at.isEmpty()) {
      return ToolMain.run(USAGE, args, out, err, () -> {
        throw new UsageException("missing command");
      });
    }
    String name = args[at.get()];
    Optional<Subcommand> command = COMMANDS.stream().filter(candidate -> candidate.name().equals(name)).findFirst();
    if (command.isEmpty()) {
      return ToolMain.run(USAGE, args, out, err, () -> {
        throw new UsageException("unknown command '" + name + "'");
      });
    }
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    rest.remove((int) at.get());
    String[] commandArgs = rest.toArray(String[]::new);
    return ToolMain.run(command.get().usage(), commandArgs, out, err,
        () -> command.get().action().run(AdminSession.start(command.get(), commandArgs, environment, out, err)));
  }

  /** The first argument that is neither a global option nor its value: {@code admin --url U shards}. */
  private static Optional<Integer> commandPosition(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (AdminSession.GLOBAL_VALUED.contains(args[i])) {
        i++;
      } else if (!args[i].startsWith("-")) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
