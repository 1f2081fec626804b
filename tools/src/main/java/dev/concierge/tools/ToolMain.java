package dev.concierge.tools;

import dev.concierge.offline.replay.ReplaySourceException;
import java.io.PrintStream;

/** How every data-science tool ends: its exit code, and a clear message on stderr when it fails. */
public final class ToolMain {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  /** A tool's work; {@link UsageException} means a bad command line, other exceptions a failed run. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  private ToolMain() {}

  public static int run(String usage, String[] args, PrintStream out, PrintStream err, Work work) {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        out.print(usage);
        return OK;
      }
    }
    try {
      work.run();
      return OK;
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.print(usage);
      return USAGE;
    } catch (ReplaySourceException | IllegalArgumentException | IllegalStateException e) {
      err.println("error: " + e.getMessage());
      return FAILED;
    } catch (Exception e) {
      err.println("error: " + e);
      return FAILED;
    }
  }
}
