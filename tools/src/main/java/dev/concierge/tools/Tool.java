package dev.concierge.tools;

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
    return concierge().out();
  }

  protected final PrintStream err() {
    return concierge().err();
  }

  protected final Map<String, String> environment() {
    return concierge().environment();
  }

  /** A command line that cannot work, found only once the command runs; the message says what to fix. */
  protected final ParameterException usageError(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private Concierge concierge() {
    return (Concierge) spec.root().userObject();
  }
}
