package dev.concierge.tools.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.tools.ToolRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code backtest --oracle}: the simulator's latent tastes, written by {@code simulate}, judged beside the models. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BacktestOracleTest {

  private static final String SPLIT = "2026-10-24T00:00:00Z";

  @TempDir static Path directory;
  private Path history;

  @BeforeAll
  void simulateAMonth() {
    history = directory.resolve("history.jsonl");
    ToolRun simulated = ToolRun.concierge(
        "simulate", "--customers", "100", "--events", "10000", "--seed", "2", "--out", history.toString());
    assertEquals(0, simulated.exitCode(), simulated.err());
  }

  @Test
  void theOracleIsJudgedBesideTheBaselinesFromTheTastesBesideTheHistory() throws IOException {
    Path report = directory.resolve("report");

    ToolRun backtested = backtest("--models", "popularity,recently-viewed", "--oracle", history + ".tastes.json",
        "--out", report.toString());

    assertEquals(0, backtested.exitCode(), backtested.err());
    assertTrue(backtested.out().lines().anyMatch(line -> line.startsWith("oracle ")), backtested.out());
    List<String> names = new ArrayList<>();
    for (JsonNode model : new ObjectMapper().readTree(report.resolve("report.json").toFile()).get("models")) {
      names.add(model.get("name").asText());
    }
    assertEquals(List.of("popularity", "recently-viewed", "oracle"), names);
  }

  @Test
  void aMissingTastesFileIsABadArgument() {
    ToolRun refused = backtest("--models", "popularity", "--oracle", directory.resolve("none.json").toString(),
        "--out", directory.resolve("r1").toString());

    assertEquals(2, refused.exitCode(), refused.err());
    assertTrue(refused.err().contains("--oracle: no such file"), refused.err());
  }

  @Test
  void theTastesOfAnotherSimulationAreABadArgumentNamingTheCustomerTheyLack() {
    Path fewer = directory.resolve("fewer.jsonl");
    assertEquals(0, ToolRun.concierge(
        "simulate", "--customers", "3", "--events", "10", "--seed", "2", "--out", fewer.toString()).exitCode());

    ToolRun failed = backtest("--models", "popularity", "--oracle", fewer + ".tastes.json",
        "--out", directory.resolve("r2").toString());

    assertEquals(2, failed.exitCode(), failed.err());
    assertTrue(failed.err().contains("holds no tastes of customer sim-c-"), failed.err());
  }

  private ToolRun backtest(String... args) {
    List<String> command = new ArrayList<>(List.of("backtest", "--source", "file:" + history, "--split", SPLIT));
    command.addAll(List.of(args));
    return ToolRun.concierge(command.toArray(String[]::new));
  }
}
