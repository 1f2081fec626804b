package dev.concierge.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.offline.HistoryFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data scientist's loop on history shaped like public data sets, not like the simulator's: ratings of
 * 1997 as views and purchases, with or without a catalog, and real purchases from Online Retail. Training works, or says what to pass, in one
 * line on stderr, with exit code 1 and no stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealHistoryToolsTest {

  private static final String UNTIL = "1998-06-01T00:00:00Z";
  private static final String SPLIT = "1998-02-01T00:00:00Z";
  // a stack trace line, which a data error must not print
  private static final String STACK_FRAME = "\tat ";

  @TempDir static Path directory;
  private Path ratings;
  private Path catalog;

  @BeforeAll
  void copyTheFixtures() {
    ratings = HistoryFixtures.copy(HistoryFixtures.RATINGS, directory);
    catalog = HistoryFixtures.copy(HistoryFixtures.RATINGS_CATALOG, directory);
  }

  @Test
  void trainWithoutACatalogTrainsBothModelsOnTheItemsOfTheHistory() throws IOException {
    Path bundles = directory.resolve("no-catalog");

    ToolRun trained = ToolRun.concierge("train", "--source", "file:" + ratings, "--until", UNTIL, "--out", bundles.toString());

    assertEquals(0, trained.exitCode(), trained.err());
    assertTrue(trained.err().contains("catalog: 384 items from the history"), trained.err());
    assertEquals(List.of("gradient-boosted-trees-19980601T0000.bundle", "logistic-regression-19980601T0000.bundle"),
        bundleNames(bundles));
  }

  @Test
  void trainWithACatalogThatHasNoCategoriesOrPricesAndLacksSomeItemsTrains() {
    ToolRun trained = ToolRun.concierge("train", "--source", "file:" + ratings, "--catalog", "file:" + catalog,
        "--until", UNTIL, "--out", directory.resolve("titles-only").toString(), "--models", "gradient-boosted-trees");

    assertEquals(0, trained.exitCode(), trained.err());
    assertTrue(trained.err().contains("catalog: 380 items from file "), trained.err());
  }

  @Test
  void trainOnRealPurchasesOnlyWithRepeatsAndPricesTrainsBothModels() throws IOException {
    Path retail = HistoryFixtures.copy(HistoryFixtures.ONLINE_RETAIL, directory);
    Path bundles = directory.resolve("retail");

    ToolRun trained = ToolRun.concierge("train", "--source", "file:" + retail, "--until", "2010-12-02T00:00:00Z",
        "--out", bundles.toString());

    assertEquals(0, trained.exitCode(), trained.err());
    assertEquals(2, bundleNames(bundles).size(), trained.out());
  }

  @Test
  void backtestWithoutACatalogComparesABundleTrainedWithoutOneWithTheBaselines() throws IOException {
    Path bundles = directory.resolve("split");
    ToolRun trained = ToolRun.concierge("train", "--source", "file:" + ratings, "--until", SPLIT, "--out", bundles.toString(),
        "--models", "logistic-regression");
    assertEquals(0, trained.exitCode(), trained.err());

    Path report = directory.resolve("report");
    ToolRun backtested = ToolRun.concierge("backtest", "--source", "file:" + ratings, "--split", SPLIT,
        "--models", bundles + ",popularity,recently-viewed", "--out", report.toString());

    assertEquals(0, backtested.exitCode(), backtested.err());
    assertEquals(3, new ObjectMapper().readTree(report.resolve("report.json").toFile()).get("models").size());
  }

  @Test
  void trainOnViewsAloneFailsSayingWhichEventsItNeeds() throws IOException {
    Path views = rewritten("views.jsonl", "\"purchase\"", "\"view\"");

    ToolRun refused = train(views, "views");

    assertDataError(refused, "has no click or purchase", "bring events of type click or purchase");
  }

  @Test
  void trainWhoseClicksAndPurchasesStopEarlySaysToPassAnUntil() throws IOException {
    // purchases only until the end of 1997; the later part of the history, which gives the labels, has none
    List<String> lines = Files.readAllLines(ratings).stream()
        .map(line -> line.contains("\"timestamp\":\"1998-") ? line.replace("\"purchase\"", "\"view\"") : line)
        .toList();
    Path early = Files.write(directory.resolve("early-purchases.jsonl"), lines);

    ToolRun refused = train(early, "early");

    assertDataError(refused, "all come before", "pass an --until just after the last of them");
  }

  @Test
  void trainOnItemsTheCatalogLacksSaysToPassTheirCatalogOrNone() {
    ToolRun refused = ToolRun.concierge("train", "--source", "file:" + ratings, "--catalog", "demo", "--until", UNTIL,
        "--out", directory.resolve("demo").toString());

    assertDataError(refused, "is of an item the catalog", "leave --catalog out to take the items from the history");
  }

  @Test
  void replayFilesTheEventsOfAFileUnderTheCatalogGiven() throws IOException {
    Path categories = Files.write(directory.resolve("categories.jsonl"),
        List.of("{\"itemId\":\"m19\",\"category\":\"drama\"}", "{\"itemId\":\"m379\",\"category\":\"drama\"}"));

    JsonNode withCatalog = replayedFirstCustomer("--catalog", "file:" + categories);
    JsonNode without = replayedFirstCustomer();

    assertTrue(withCatalog.get("categoryAffinity").has("drama"), withCatalog.toString());
    assertTrue(without.get("categoryAffinity").has("unknown"), without.toString());
    assertFalse(without.get("categoryAffinity").has("drama"), without.toString());
  }

  private JsonNode replayedFirstCustomer(String... catalogOptions) throws IOException {
    ToolRun replayed = ToolRun.concierge(Stream.concat(
            Stream.of("replay", "--source", "file:" + ratings, "--customers", "u41"), Stream.of(catalogOptions))
        .toArray(String[]::new));
    assertEquals(0, replayed.exitCode(), replayed.err());
    return new ObjectMapper().readTree(replayed.out().strip());
  }

  private ToolRun train(Path history, String name) {
    return ToolRun.concierge("train", "--source", "file:" + history, "--until", UNTIL, "--out",
        directory.resolve(name).toString());
  }

  private Path rewritten(String name, String from, String to) throws IOException {
    return Files.write(directory.resolve(name), Files.readAllLines(ratings).stream().map(l -> l.replace(from, to)).toList());
  }

  private static void assertDataError(ToolRun refused, String whatIsMissing, String whatToPass) {
    assertEquals(1, refused.exitCode(), refused.err());
    assertTrue(refused.err().contains("error: cannot train: "), refused.err());
    assertTrue(refused.err().contains(whatIsMissing), refused.err());
    assertTrue(refused.err().contains(whatToPass), refused.err());
    assertFalse(refused.err().contains(STACK_FRAME), "no stack trace: " + refused.err());
  }

  private static List<String> bundleNames(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
