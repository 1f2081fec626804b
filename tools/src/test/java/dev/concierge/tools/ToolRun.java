package dev.concierge.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One run of the tools' entry point, as a test sees it: exit code, standard output and standard error. */
public record ToolRun(int exitCode, String out, String err) {

  /** {@code concierge ARGS...} with no environment variables. */
  public static ToolRun concierge(String... args) {
    return concierge(Map.of(), args);
  }

  /** {@code concierge ARGS...} with these environment variables only. */
  public static ToolRun concierge(Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode = Concierge.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), environment);
    return new ToolRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
