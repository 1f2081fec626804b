package dev.concierge.tools.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command of {@code concierge}: its work, the streams and environment of the entry point, and its
 * usage errors (exit code 2). A run that returns is exit code 0; an exception is a failed run, 1.
 */
public abstract class Tool implements Callable<Integer> {

  @Spec private CommandSpec spec;
  private int exitCode;

  @Override
  public final Integer call() throws Exception {
    run();
    return exitCode;
  }

  /** A run that returns, but with another exit code than 0 (a status that finds something down). */
  protected final void exitCode(int code) {
    exitCode = code;
  }

  protected abstract void run() throws Exception;

  protected final CommandSpec spec() {
    return spec;
  }

  protected final PrintStream out() {
    return console().out();
  }

  protected final PrintStream err() {
    return console().err();
  }

  protected final Map<String, String> environment() {
    return console().environment();
  }

  /** The whole command line, to run another tool in this JVM. */
  protected final ToolRunner runner() {
    return console().runner();
  }

  /** The class whose {@code main} runs the tools, to run another tool in a JVM of its own. */
  protected final String entryPoint() {
    return spec.root().userObject().getClass().getName();
  }

  /** A command line that cannot work, found only once the command runs; the message says what to fix. */
  protected final ParameterException usageError(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private ToolConsole console() {
    return (ToolConsole) spec.root().userObject();
  }
}
