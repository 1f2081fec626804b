package dev.concierge.tools;

import dev.concierge.offline.replay.ReplaySourceException;
import dev.concierge.tools.admin.AdminCommand;
import dev.concierge.tools.admin.CatalogCommand;
import dev.concierge.tools.admin.ClusterCommand;
import dev.concierge.tools.backtest.BacktestCommand;
import dev.concierge.tools.cli.ToolConsole;
import dev.concierge.tools.cli.ToolRunner;
import dev.concierge.tools.dev.DevCommand;
import dev.concierge.tools.dev.DevSetup;
import dev.concierge.tools.importing.ImportCommand;
import dev.concierge.tools.replay.ReplayCommand;
import dev.concierge.tools.simulate.SimulateCommand;
import dev.concierge.tools.train.TrainCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The one entry point of the JVM tools, {@code bin/concierge <tool> ...}: picocli parses every
 * command line, prints each command's {@code --help}, and turns the outcome into the exit code.
 */
@Command(
    name = "concierge",
    // inherited: every subcommand has --help and --version, and lists the exit codes
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    usageHelpWidth = 110,
    versionProvider = Concierge.ProjectVersion.class,
    description = "The command-line tools of Concierge. Run `bin/concierge <tool> --help` for one tool's options.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:the run failed (the reason on stderr)", "2:a bad command line (what to fix on stderr)"},
    subcommands = {
      ReplayCommand.class, TrainCommand.class, BacktestCommand.class, SimulateCommand.class, ImportCommand.class,
      ClusterCommand.class,
      AdminCommand.class, CatalogCommand.class,
      DevCommand.class, DevSetup.class, GenerateCompletion.class
    })
public final class Concierge implements ToolConsole {

  static final String VERSION_RESOURCE = "/dev/concierge/tools/version.properties";
  private static final String COMPLETION = "generate-completion";
  // Tribuo logs every training's example counts at INFO through java.util.logging, between the lines of
  // train's own report; its warnings still show. Held here, since java.util.logging keeps loggers weakly.
  private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> environment;

  private Concierge(PrintStream out, PrintStream err, Map<String, String> environment) {
    this.out = out;
    this.err = err;
    this.environment = environment;
  }

  public static void main(String[] args) {
    TRIBUO_LOG.setLevel(Level.WARNING);
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /** The whole command line, with the given streams and environment; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
    return commandLine(out, err, environment).execute(args);
  }

  /** The tools' command line, unexecuted: what parses a command line, for those that check one against it. */
  public static CommandLine commandLine(PrintStream out, PrintStream err, Map<String, String> environment) {
    CommandLine commandLine = new CommandLine(new Concierge(out, err, environment));
    commandLine.getSubcommands().get(COMPLETION).getCommandSpec().usageMessage().hidden(true);
    commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    commandLine.setParameterExceptionHandler(new BadCommandLine());
    commandLine.setExecutionExceptionHandler(new FailedRun());
    return commandLine;
  }

  @Override
  public PrintStream out() {
    return out;
  }

  @Override
  public PrintStream err() {
    return err;
  }

  @Override
  public Map<String, String> environment() {
    return environment;
  }

  @Override
  public ToolRunner runner() {
    return Concierge::run;
  }

  /** Exit code 2 and one line: what is wrong, and where the command's help is. */
  private static final class BadCommandLine implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
      CommandLine command = e.getCommandLine();
      command.getErr().println("error: " + e.getMessage() + " (see: bin/" + command.getCommandSpec().qualifiedName()
          + " --help)");
      return command.getCommandSpec().exitCodeOnInvalidInput();
    }
  }

  /** Exit code 1 and the reason in one line; the stack trace only for what no tool expects. */
  private static final class FailedRun implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
      boolean expected = e instanceof ReplaySourceException || e instanceof IllegalArgumentException
          || e instanceof IllegalStateException || e instanceof IOException || e instanceof UncheckedIOException;
      command.getErr().println("error: " + (expected && e.getMessage() != null ? e.getMessage() : e.toString()));
      return command.getCommandSpec().exitCodeOnExecutionException();
    }
  }

  /** The Maven project version, which the build writes into a resource. */
  static final class ProjectVersion implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Concierge.class.getResourceAsStream(VERSION_RESOURCE)) {
        if (in == null) {
          throw new IOException(VERSION_RESOURCE + " is missing from the classpath; build the tools with Maven");
        }
        properties.load(in);
      }
      return new String[] {"concierge " + properties.getProperty("version")};
    }
  }
}
