package dev.concierge.tools.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * What the entry point hands every command: the streams it writes to, the environment it reads, and the
 * command line itself. An interface, so that the commands build on it rather than on the entry point, which
 * names them all.
 */
public interface ToolConsole {

  /** Where a tool writes its results. */
  PrintStream out();

  /** Where a tool writes progress and messages. */
  PrintStream err();

  /** The environment variables the tools read; tests pass their own instead of the process's. */
  Map<String, String> environment();

  /** The whole command line, for a tool that runs another. */
  ToolRunner runner();
}
