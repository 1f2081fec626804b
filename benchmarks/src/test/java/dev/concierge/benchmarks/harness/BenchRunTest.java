package dev.concierge.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a bench run keeps its state, and the environment its processes get. */
class BenchRunTest {

  private final PrintStream progress = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  private final BenchSettings settings = BenchSettings.load();

  @TempDir
  Path home;

  @Test
  void theBenchKeepsItsStateInsideTheLaunchersStateDir() {
    Path launcherState = home.resolve("state");

    try (BenchRun run = BenchRun.open(Map.of("CONCIERGE_HOME", home.toString(), "CONCIERGE_STATE_DIR",
        launcherState.toString()), settings, progress)) {
      assertEquals(launcherState.resolve("bench"), run.stateDir());
      assertEquals(launcherState.resolve("bench").toString(), run.environment().get("CONCIERGE_STATE_DIR"));
      assertEquals(true, Files.isDirectory(run.stateDir()));
    }
  }

  @Test
  void aStateDirOfItsOwnWins() {
    Path own = home.resolve("elsewhere");

    try (BenchRun run = BenchRun.open(Map.of("CONCIERGE_HOME", home.toString(), "CONCIERGE_STATE_DIR",
        home.resolve("state").toString(), "CONCIERGE_BENCH_STATE_DIR", own.toString()), settings, progress)) {
      assertEquals(own, run.stateDir());
    }
  }

  @Test
  void itsProcessesGetTheBenchsPortsOverTheLaunchersAndKeepTheRestOfTheEnvironment() {
    try (BenchRun run = BenchRun.open(Map.of("CONCIERGE_HOME", home.toString(), "CONCIERGE_HTTP_PORT", "28080",
        "LANG", "C.UTF-8"), settings, progress)) {
      Map<String, String> environment = run.environment();

      assertEquals("28080", environment.get("CONCIERGE_HTTP_PORT"));
      assertEquals("19092", environment.get("CONCIERGE_KAFKA_PORT"));
      assertEquals("C.UTF-8", environment.get("LANG"));
      assertEquals(home.toString(), environment.get("CONCIERGE_HOME"));
      assertEquals(28080, run.node().httpPort());
    }
  }
}
