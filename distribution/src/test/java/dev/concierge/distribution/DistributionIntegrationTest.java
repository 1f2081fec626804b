package dev.concierge.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball that {@code mvn package} makes, unpacked where no checkout is and run as its user would run
 * it: {@code concierge/bin/concierge}, in a process of its own, with nothing of the repository or Maven
 * around it.
 */
class DistributionIntegrationTest {

  private static final Path TARBALL = Path.of(System.getProperty("concierge.distribution.tarball"));
  private static final String VERSION = System.getProperty("concierge.project.version");
  private static final long COMMAND_TIMEOUT_SECONDS = 120;
  private static final int EVENTS = 25;

  @TempDir static Path installed;
  @TempDir Path work;

  @BeforeAll
  static void unpack() throws Exception {
    Run tar = run(installed, "tar", "xzf", TARBALL.toString());
    assertEquals(0, tar.exitCode(), tar.output());
  }

  @Test
  void itPrintsTheProjectsVersion() throws Exception {
    Run version = concierge("--version");

    assertEquals(0, version.exitCode(), version.output());
    assertEquals("concierge " + VERSION, version.output().strip());
  }

  @Test
  void aToolRunsFromTheTarballAloneAndWritesItsFile() throws Exception {
    Path events = work.resolve("events.jsonl");

    Run simulate = concierge("simulate", "--customers", "5", "--events", Integer.toString(EVENTS), "--seed", "7",
        "--out", events.toString());

    assertEquals(0, simulate.exitCode(), simulate.output());
    List<String> lines = Files.readAllLines(events);
    assertEquals(EVENTS, lines.size());
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertTrue(first.hasNonNull("customerId") && first.hasNonNull("type"), lines.get(0));
  }

  @Test
  void aBadCommandLineIsRefusedByTheToolsOwnParser() throws Exception {
    Run refused = concierge("simulate", "--events", "x");

    assertEquals(2, refused.exitCode(), refused.output());
    assertFalse(refused.output().isBlank());
  }

  /** bin/concierge from the unpacked tarball, run from an empty directory, on this JVM's java. */
  private Run concierge(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(installed.resolve("concierge/bin/concierge").toString()));
    command.addAll(List.of(args));
    return run(work, command.toArray(String[]::new));
  }

  private static Run run(Path directory, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish: " + output);
    }
    return new Run(process.exitValue(), output);
  }

  private record Run(int exitCode, String output) {}
}
