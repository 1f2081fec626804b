package dev.concierge.benchmarks.harness;

import dev.concierge.NodeCommandLine;
import dev.concierge.tools.Concierge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command lines of a bench's JVMs, all on the bench's JDK: the node (as {@link NodeCommandLine} starts one,
 * with dev.conf), the harness's own mains (the baseline's roles, the load generators, JMH, on the harness's
 * runtime classpath, which holds neither the node nor the tools), and the tools' one entry point.
 */
record BenchCommands(BenchJava java, Path home) {

  /** The configuration a bench's node and its setup run with. */
  static final String NODE_CONFIG = "dev";

  /** Our node, with {@code flags}. */
  List<String> node(List<String> flags) {
    return NodeCommandLine.command(jvm(flags), NodeCommandLine.configResource(NODE_CONFIG),
        NodeCommandLine.classpath(home.resolve("cluster-config").resolve("target")));
  }

  /** A main of the harness, with {@code flags}. */
  List<String> harness(List<String> flags, Class<?> main, List<String> args) {
    return harness(flags, main.getName(), args);
  }

  /** A main on the harness's classpath by name (JMH's, which is no class of ours), with {@code flags}. */
  List<String> harness(List<String> flags, String main, List<String> args) {
    List<String> command = jvm(flags);
    command.addAll(List.of("-cp", NodeCommandLine.classpath(home.resolve("benchmarks").resolve("target")), main));
    command.addAll(args);
    return command;
  }

  /** {@code concierge ARGS}, the tools' entry point on their own classpath, with {@code flags}. */
  List<String> tools(List<String> flags, List<String> args) {
    List<String> command = jvm(flags);
    command.addAll(List.of("-cp", NodeCommandLine.classpath(home.resolve("tools").resolve("target")),
        Concierge.class.getName()));
    command.addAll(args);
    return command;
  }

  private List<String> jvm(List<String> flags) {
    List<String> command = new ArrayList<>();
    command.add(java.executable().toString());
    command.addAll(flags);
    return command;
  }
}
