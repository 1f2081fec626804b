package dev.concierge.tools;

import static dev.concierge.tools.ToolRun.concierge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/** The one entry point's wiring: every command's help, the exit codes, the version and the completion script. */
class ConciergeTest {

  private static final String COMPLETION = "generate-completion";

  @TempDir Path dir;

  /** Every command and subcommand, as the words that name it: [], [replay], [admin, models, publish], ... */
  static Stream<List<String>> commands() {
    List<List<String>> paths = new ArrayList<>();
    collect(tree(), new ArrayList<>(), paths);
    return paths.stream();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandsHelpExitsZeroAndNamesEachOfItsOptions(List<String> command) {
    // picocli's own warnings, such as a description it could not format, go to System.err
    PrintStream standardError = System.err;
    ByteArrayOutputStream picocliWarnings = new ByteArrayOutputStream();
    ToolRun help;
    try {
      System.setErr(new PrintStream(picocliWarnings, true, StandardCharsets.UTF_8));
      help = concierge(with(command, "--help"));
    } finally {
      System.setErr(standardError);
    }

    assertEquals(0, help.exitCode(), help.err());
    assertTrue(help.out().startsWith("Usage: " + String.join(" ", prepend("concierge", command))), help.out());
    for (OptionSpec option : spec(command).options()) {
      if (!option.hidden()) {
        assertTrue(help.out().contains(option.longestName()), command + " --help names " + option.longestName());
      }
    }
    assertEquals("", help.err());
    assertEquals("", picocliWarnings.toString(StandardCharsets.UTF_8));
  }

  /** Picocli reports what is missing first, so an unknown option is tried on the commands that need nothing. */
  @ParameterizedTest
  @MethodSource("commands")
  void anUnknownOptionExitsTwoWithAOneLineMessage(List<String> command) {
    Assumptions.assumeFalse(command.contains(COMPLETION), "picocli's own completion command takes any argument");
    ToolRun wrong = concierge(with(command, "--frobnicate"));

    assertEquals(2, wrong.exitCode(), wrong.err());
    assertEquals(1, wrong.err().lines().count(), wrong.err());
    boolean needsSomething = spec(command).args().stream().anyMatch(arg -> arg.required());
    String expected = needsSomething ? "error: Missing required " : "error: Unknown option: '--frobnicate'";
    assertTrue(wrong.err().startsWith(expected), wrong.err());
    assertTrue(wrong.err().contains(" --help)"), "says where the help is: " + wrong.err());
    assertEquals("", wrong.out());
  }

  @Test
  void anUnknownOptionOfACommandWithAllItNeedsIsNamed() {
    ToolRun wrong = concierge("admin", "models", "publish", "x.bundle", "--frobnicate");

    assertEquals(2, wrong.exitCode());
    assertEquals("error: Unknown option: '--frobnicate' (see: bin/concierge admin models publish --help)",
        wrong.err().strip());
  }

  @Test
  void anUnknownCommandExitsTwo() {
    ToolRun wrong = concierge("frobnicate");

    assertEquals(2, wrong.exitCode());
    assertTrue(wrong.err().contains("'frobnicate'"), wrong.err());
  }

  @Test
  void versionPrintsTheProjectVersion() {
    String version = System.getProperty("concierge.project.version");
    assertNotNull(version, "surefire passes the Maven project version");

    ToolRun printed = concierge("--version");

    assertEquals(0, printed.exitCode(), printed.err());
    assertEquals("concierge " + version, printed.out().strip());
  }

  @Test
  void aRunThatFailsExitsOneWithTheReasonOnOneLine() {
    Path missing = dir.resolve("no-such-history.jsonl");

    ToolRun failed = concierge("replay", "--source", "file:" + missing);

    assertEquals(1, failed.exitCode(), failed.err());
    List<String> errors = failed.err().lines().filter(line -> line.startsWith("error: ")).toList();
    assertEquals(1, errors.size(), failed.err());
    assertTrue(errors.get(0).contains(missing.toString()), failed.err());
  }

  @Test
  void theCompletionScriptIsGeneratedAndItsCommandIsHidden() {
    ToolRun script = concierge(COMPLETION);

    assertEquals(0, script.exitCode(), script.err());
    assertTrue(script.out().contains("complete -F _complete_concierge"), script.out());
    for (String command : List.of("replay", "train", "backtest", "simulate", "import", "admin", "dev-setup")) {
      assertTrue(script.out().contains(command), command);
    }
    assertFalse(concierge("--help").out().contains(COMPLETION));
  }

  @Test
  void theLaunchersHelpNamesEveryToolOfTheEntryPointAndNoOther() throws Exception {
    List<String> launcher = Files.readAllLines(Path.of("..", "bin", "concierge"));
    int first = launcher.indexOf(launcher.stream().filter(line -> line.startsWith("JVM tools")).findFirst().orElseThrow());
    Set<String> listed = new TreeSet<>();
    for (String line : launcher.subList(first, launcher.size())) {
      if (line.isBlank()) {
        break;
      }
      String[] words = line.trim().split("\\s+");
      if (line.startsWith("  ") && !line.startsWith("    ") && words[0].matches("[a-z-]+")) {
        listed.add(words[0]);
      }
    }
    Set<String> tools = new TreeSet<>();
    tree().getSubcommands().forEach((name, sub) -> {
      if (!sub.getCommandSpec().usageMessage().hidden() && sub.getCommandSpec().name().equals(name)) {
        tools.add(name);
      }
    });

    assertEquals(tools, listed, "bin/concierge --help lists the JVM tools");
  }

  private static CommandLine tree() {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    return Concierge.commandLine(nowhere, nowhere, Map.of());
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
    paths.add(List.copyOf(path));
    command.getSubcommands().forEach((name, sub) -> {
      if (sub.getCommandSpec().name().equals(name)) {
        List<String> deeper = new ArrayList<>(path);
        deeper.add(name);
        collect(sub, deeper, paths);
      }
    });
  }

  private static CommandLine.Model.CommandSpec spec(List<String> command) {
    CommandLine at = tree();
    for (String name : command) {
      at = at.getSubcommands().get(name);
    }
    return at.getCommandSpec();
  }

  private static String[] with(List<String> command, String last) {
    return Stream.concat(command.stream(), Stream.of(last)).toArray(String[]::new);
  }

  private static List<String> prepend(String first, List<String> rest) {
    return Stream.concat(Stream.of(first), rest.stream()).toList();
  }
}
