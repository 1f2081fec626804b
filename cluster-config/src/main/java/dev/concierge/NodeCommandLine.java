package dev.concierge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a node JVM is started from a build of this module: its classpath ({@code target/classes}, then
 * the runtime dependencies the build lists in {@code target/runtime-classpath.txt}), the configuration
 * flag, and {@link Main}. The one owner of that shape for the launcher ({@code bin/concierge dev},
 * {@code cluster start}, the rolling restart) and for the tests that start real node processes.
 */
public final class NodeCommandLine {

  public static final String MAIN_CLASS = Main.class.getName();
  private static final String CLASSPATH_FILE = "runtime-classpath.txt";

  private NodeCommandLine() {}

  /**
   * A module's classpath from its build directory: the node's from {@code cluster-config/target}, and so the
   * tools' and the benchmark harness's, whose builds list their dependencies the same way.
   */
  public static String classpath(Path target) {
    Path absolute = target.toAbsolutePath();
    Path listed = absolute.resolve(CLASSPATH_FILE);
    try {
      return absolute.resolve("classes") + ":" + Files.readString(listed, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("the project was never built (" + listed + " is missing): bin/concierge dev,"
          + " cluster start and bench build it", e);
    }
  }

  /** {@code jvm} (the java executable and its flags), then the configuration flag, the classpath and Main. */
  public static List<String> command(List<String> jvm, String configFlag, String classpath) {
    List<String> command = new ArrayList<>(jvm);
    command.addAll(List.of(configFlag, "-cp", classpath, MAIN_CLASS));
    return command;
  }

  /** The flag that runs a node with one of this module's configuration files, e.g. {@code local1}. */
  public static String configResource(String name) {
    return "-Dconfig.resource=" + name + ".conf";
  }

  /** The flag that runs a node with a configuration file of its own (the tests' generated ones). */
  public static String configFile(Path file) {
    return "-Dconfig.file=" + file.toAbsolutePath();
  }
}
