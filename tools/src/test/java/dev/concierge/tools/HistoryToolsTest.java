package dev.concierge.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DemoCatalog;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import dev.concierge.persistence.bundle.BundleArchive;
import dev.concierge.persistence.json.EventJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The data scientist's loop on a file: replay, train, backtest, with the errors a user would make. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryToolsTest {

  private static final String SPLIT = "2026-10-24T00:00:00Z";

  @TempDir static Path directory;
  private Path history;
  private List<CustomerEvent> events;

  @BeforeAll
  void simulateAMonth() throws IOException {
    history = directory.resolve("history.jsonl");
    EventJson json = new EventJson(new ObjectMapper());
    List<String> lines = new ArrayList<>();
    events = ShopperSimulation.of(SimulationSettings.of(150, 15_000, 3), DemoCatalog.generate(1000, 42)).stream().toList();
    events.forEach(event -> lines.add(new String(json.write(event), StandardCharsets.UTF_8)));
    Files.write(history, lines);
  }

  @Test
  void everyToolExplainsItselfWithHelp() {
    for (ToolRun help : List.of(replay("--help"), train("--help"), backtest("-h"))) {
      assertEquals(0, help.exitCode());
      assertTrue(help.out().startsWith("Usage: concierge "), help.out());
      assertTrue(help.out().contains("--source=file:PATH|journal|kafka"), help.out());
    }
  }

  @Test
  void replayWritesEachCustomersFeaturesAsJsonLines() throws IOException {
    ToolRun replayed = replay("--source", "file:" + history, "--customers", "sim-c-1,sim-c-2");

    assertEquals(0, replayed.exitCode(), replayed.err());
    String[] lines = replayed.out().strip().split("\n");
    assertEquals(2, lines.length);
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertEquals("sim-c-1", first.get("customerId").asText());
    assertTrue(first.get("events").get("view").asLong() > 0);
    assertTrue(replayed.err().contains("events/s"), "says how fast it replayed");
  }

  @Test
  void trainWritesOneBundlePerModelAndBacktestReportsThemAgainstTheBaselines() throws IOException {
    Path bundles = directory.resolve("bundles");
    // the simulator shops from the demo catalog, so its categories are the demo catalog's
    ToolRun trained = train("--source", "file:" + history, "--catalog", "demo", "--until", SPLIT, "--out",
        bundles.toString(), "--models", "logistic-regression");
    assertEquals(0, trained.exitCode(), trained.err());
    assertTrue(trained.out().contains("held-out AUC"), trained.out());
    try (Stream<Path> files = Files.list(bundles)) {
      assertEquals(List.of("logistic-regression-20261024T0000.bundle"),
          files.map(f -> f.getFileName().toString()).toList(), "exactly the bundle, no partial files");
    }

    Path report = directory.resolve("report");
    ToolRun backtested = backtest("--source", "file:" + history, "--catalog", "demo", "--split", SPLIT,
        "--models", bundles + ",popularity,recently-viewed", "--out", report.toString());
    assertEquals(0, backtested.exitCode(), backtested.err());
    JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
    assertEquals(3, json.get("models").size());
    assertTrue(json.get("models").get(0).get("metrics").has("hr@10"));
    assertTrue(Files.readString(report.resolve("report.html")).contains("<svg"));
  }

  @Test
  void withoutASplitTheBacktestSplitsAtTheEightiethPercentileOfTheEventsAndSaysWhere() throws IOException {
    Instant expected = events.get(events.size() * 4 / 5).timestamp();
    Path report = directory.resolve("default-split");

    ToolRun backtested = backtest("--source", "file:" + history, "--models", "popularity,recently-viewed",
        "--clicks", "--out", report.toString());

    assertEquals(0, backtested.exitCode(), backtested.err());
    assertTrue(backtested.out().startsWith("split at " + expected + ": 80% of the 15,000 events fall before it"),
        backtested.out());
    JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
    assertEquals(expected.toString(), json.get("windows").get("split").asText());
    assertEquals("clicks and purchases", json.get("protocol").get("judged").asText());
    long repeats = json.get("counts").get("repeatCasesSkipped").asLong();
    assertTrue(repeats > 0, "the simulated shoppers click what they viewed: those are repeats");
    assertTrue(backtested.out().contains(String.format(Locale.ROOT, "(%,d repeat cases skipped)", repeats)),
        backtested.out());
    assertTrue(backtested.out().contains("lift of HR@10 over each baseline"), backtested.out());
  }

  @Test
  void withoutUntilTrainStopsAtTheBacktestsDefaultSplitSoTheTwoAgreeWithoutBeingTold() throws IOException {
    Instant split = events.get(events.size() * 4 / 5).timestamp();
    Path bundles = directory.resolve("default-until");

    ToolRun trained = train("--source", "file:" + history, "--catalog", "demo", "--out", bundles.toString(),
        "--models", "logistic-regression");

    assertEquals(0, trained.exitCode(), trained.err());
    assertTrue(trained.err().contains("training on the events before " + split + ", backtest's default split"),
        trained.err());
    Path bundle;
    try (Stream<Path> files = Files.list(bundles)) {
      bundle = files.findFirst().orElseThrow();
    }
    assertEquals(split, new BundleArchive(new ObjectMapper()).read(Files.readAllBytes(bundle)).metadata().dataUntil());
    ToolRun backtested = backtest("--source", "file:" + history, "--catalog", "demo", "--models", bundles.toString(),
        "--out", directory.resolve("default-until-report").toString());
    assertEquals(0, backtested.exitCode(), "the bundle learnt nothing after the backtest's split: " + backtested.err());
  }

  @Test
  void theHelpNamesTheBaselinesAndTheProtocol() {
    ToolRun help = backtest("--help");

    String text = help.out().replaceAll("\\s+", " ");
    assertTrue(text.contains("a built-in baseline (popularity, recently-viewed, item-knn)"), help.out());
    assertTrue(help.out().contains("--repeats") && help.out().contains("--clicks"), help.out());
  }

  @Test
  void aBundleTrainedPastTheSplitIsRefused() {
    Path bundles = directory.resolve("late");
    assertEquals(0, train("--source", "file:" + history, "--until", "2026-10-28T00:00:00Z", "--out", bundles.toString(),
        "--models", "logistic-regression").exitCode());

    ToolRun refused = backtest("--source", "file:" + history, "--split", SPLIT, "--models", bundles.toString(),
        "--out", directory.resolve("late-report").toString());

    assertEquals(1, refused.exitCode());
    assertTrue(refused.err().contains("logistic-regression-20261028T0000"), refused.err());
    assertFalse(Files.exists(directory.resolve("late-report").resolve("report.json")));
  }

  @Test
  void badCommandLinesGetClearErrors() throws IOException {
    ToolRun noSource = replay("--out", "x");
    assertEquals(2, noSource.exitCode());
    assertTrue(noSource.err().contains("Missing required option: '--source"), noSource.err());

    ToolRun backwards = replay("--source", "file:" + history, "--from", "2026-10-20T00:00:00Z", "--to", "2026-10-10T00:00:00Z");
    assertEquals(2, backwards.exitCode());
    assertTrue(backwards.err().contains("--from must be before --to"), backwards.err());

    Path empty = Files.createFile(directory.resolve("empty.jsonl"));
    ToolRun nothing = replay("--source", "file:" + empty);
    assertEquals(1, nothing.exitCode());
    assertTrue(nothing.err().contains("error:"), nothing.err());

    ToolRun unknownBundle = backtest("--source", "file:" + history, "--split", SPLIT, "--models", "no-such-bundle",
        "--out", directory.resolve("r").toString());
    assertEquals(2, unknownBundle.exitCode());
    assertTrue(unknownBundle.err().contains("unknown model 'no-such-bundle'"), unknownBundle.err());
    assertTrue(unknownBundle.err().contains("baselines popularity, recently-viewed"), unknownBundle.err());
  }

  private static ToolRun replay(String... args) {
    return ToolRun.concierge(with("replay", args));
  }

  private static ToolRun train(String... args) {
    return ToolRun.concierge(with("train", args));
  }

  private static ToolRun backtest(String... args) {
    return ToolRun.concierge(with("backtest", args));
  }

  private static String[] with(String command, String... args) {
    return Stream.concat(Stream.of(command), Stream.of(args)).toArray(String[]::new);
  }
}
