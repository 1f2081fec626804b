package dev.concierge.tools.cli;

import java.io.PrintStream;
import java.util.Map;

/** The tools' whole command line, run in this JVM: how one tool runs another (dev publishes its bundles). */
@FunctionalInterface
public interface ToolRunner {

  /** Runs {@code args} with these streams and environment; returns the exit code. */
  int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment);
}
