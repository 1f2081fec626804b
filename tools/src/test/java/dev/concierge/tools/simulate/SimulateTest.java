package dev.concierge.tools.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DemoCatalog;
import dev.concierge.models.EventType;
import dev.concierge.offline.simulation.LatentTastes;
import dev.concierge.offline.simulation.LatentTastesFile;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.persistence.json.ParsedEvent;
import dev.concierge.tools.ToolRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulateTest {

  private static final int DONE = 0;
  private static final int FAILED = 1;
  private static final int BAD_ARGUMENTS = 2;

  @TempDir Path dir;

  @Test
  void theRequiredOptionsAndAFileMakeAWholeCommand() throws Exception {
    Path file = dir.resolve("x.jsonl");

    ToolRun result = simulate("--customers", "50", "--events", "20", "--seed", "7", "--out", file.toString());

    assertEquals(DONE, result.exitCode(), result.err());
    assertEquals(20, Files.readAllLines(file).size());
  }

  @Test
  void everyOptionCanBeGivenWithAnEqualsSignAndTheRestAreOptional() throws Exception {
    Path file = dir.resolve("eq.jsonl");

    ToolRun result = simulate("--out=" + file, "--customers=3", "--events=10", "--seed=-4", "--rate=2000",
        "--start=2027-01-01T00:00:00Z", "--days=2");

    assertEquals(DONE, result.exitCode(), result.err());
    List<CustomerEvent> events = read(file);
    assertEquals(10, events.size());
    Instant start = Instant.parse("2027-01-01T00:00:00Z");
    assertTrue(events.stream().allMatch(event -> !event.timestamp().isBefore(start)
        && event.timestamp().isBefore(start.plus(Duration.ofDays(2)))), "all within --start and --days");
    assertTrue(result.out().contains("seed -4"), result.out());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--events 10 --seed 1 --out x                          | Missing required option: '--customers=N'",
        "--customers 1 --seed 1 --out x                        | Missing required option: '--events=M'",
        "--customers 1 --events 10 --out x                     | Missing required option: '--seed=S'",
        "--customers 0 --events 10 --seed 1 --out x            | '--customers': must be a whole number between 1 and",
        "--customers many --events 10 --seed 1 --out x         | '--customers': must be a whole number between 1 and",
        "--customers 1 --events -5 --seed 1 --out x            | '--events': must be a whole number between 1 and",
        "--customers 1 --events 10 --seed 1.5 --out x          | '--seed': '1.5' is not a long",
        "--customers 1 --events 10 --seed 1                    | (--out=FILE | --kafka)",
        "--customers 1 --events 10 --seed 1 --out x --kafka    | --out=FILE, --kafka are mutually exclusive",
        "--customers 1 --events 10 --seed 1 --out x --rate 0   | must be a number of events per second above 0",
        "--customers 1 --events 10 --seed 1 --out x --rate fast | must be a number of events per second above 0",
        "--customers 1 --events 10 --seed 1 --out x --start today | must be an ISO-8601 instant",
        "--customers 1 --events 10 --seed 1 --out x --days 0   | '--days': must be a whole number between 1 and",
        "--customers 1 --events 10 --seed 1 --out x --color    | Unknown option: '--color'",
        "--customers 1 --events 10 --seed 1 --out x extra      | Unmatched argument at index 9: 'extra'",
        "--customers 1 --customers 2 --events 10 --seed 1 --out x | option '--customers' (N) should be specified only once",
        "--customers 1 --events 10 --out x --seed              | Missing required parameter for option '--seed' (S)",
        "--customers 1 --events 10 --seed 1 --out x --factors 0 | '--factors': must be a whole number between 1 and",
        "--customers 1 --events 10 --seed 1 --out x --direct-purchase-share 1.5 | direct-purchase-share must be between 0 and 1",
        "--customers 1 --events 10 --seed 1 --out x --noise-share -0.1 | noise-share must be between 0 and 1",
      })
  void aCommandLineThatCannotWorkSaysWhatToFixAndExitsTwo(String commandLine, String message) {
    ToolRun refused = simulate(commandLine.trim().split("\\s+"));

    assertEquals(BAD_ARGUMENTS, refused.exitCode(), refused.err());
    assertTrue(refused.err().startsWith("error: "), refused.err());
    assertTrue(refused.err().contains(message.trim()), refused.err());
    assertEquals(1, refused.err().lines().count(), "one line: " + refused.err());
    assertFalse(Files.exists(Path.of("x")));
  }

  @Test
  void moreEventsThanTheCustomersCanMakeInThePeriodAreABadArgument() {
    ToolRun result =
        simulate("--customers", "1", "--events", "1000000", "--seed", "1", "--days", "1", "--out", "x.jsonl");

    assertEquals(BAD_ARGUMENTS, result.exitCode(), result.err());
    assertTrue(result.err().contains("add customers or lengthen the period"), result.err());
  }

  @Test
  void helpPrintsPicocliUsageWithEveryOptionAndDoesNothingElse() {
    ToolRun result = simulate("--events", "10", "--help");

    assertEquals(DONE, result.exitCode());
    assertTrue(result.out().startsWith("Usage: concierge simulate "), result.out());
    for (String option : List.of("--customers=N", "--events=M", "--seed=S", "--out=FILE", "--kafka", "--rate=R",
        "--start=ISO", "--days=D", "--factors=K", "--direct-purchase-share=X", "--noise-share=X", "--tastes-out=FILE",
        "--help")) {
      assertTrue(result.out().contains(option), option + " in " + result.out());
    }
    assertTrue(result.out().contains("(default 2026-10-01T00:00:00Z)"), "shows the defaults: " + result.out());
    assertEquals("", result.err());
  }

  @Test
  void outWritesOneCustomerEventsJsonObjectPerLineThatReadsBackAsTheSimulatedEvents() throws Exception {
    Path file = dir.resolve("sim.jsonl");

    ToolRun result = simulate("--customers", "50", "--events", "2000", "--seed", "7", "--out", file.toString());

    assertEquals(DONE, result.exitCode(), result.err());
    List<CustomerEvent> read = read(file);
    assertEquals(2000, read.size());
    List<CustomerEvent> simulated =
        ShopperSimulation.of(SimulationSettings.of(50, 2000, 7), DemoCatalog.generate(1000, 42)).stream().toList();
    assertEquals(simulated, read);
    assertTrue(result.out().startsWith("wrote 2,000 events of 50 customers (seed 7"), result.out());
    assertTrue(result.err().contains("2000/2000 events"), "a last progress line: " + result.err());
  }

  @Test
  void theLatentTastesGoBesideTheEventsForTheBacktestsOracle() throws Exception {
    Path file = dir.resolve("sim.jsonl");

    ToolRun result = simulate("--customers", "50", "--events", "200", "--seed", "7", "--out", file.toString());

    assertEquals(DONE, result.exitCode(), result.err());
    Path tastesFile = dir.resolve("sim.jsonl.tastes.json");
    assertTrue(result.out().contains("latent tastes for backtest --oracle: " + tastesFile), result.out());
    LatentTastes tastes = readTastes(tastesFile);
    LatentTastes simulated =
        ShopperSimulation.of(SimulationSettings.of(50, 200, 7), DemoCatalog.generate(1000, 42)).tastes();
    assertEquals(50, tastes.shopperCount());
    assertEquals(simulated.utility(49, 999), tastes.utility(49, 999));
  }

  @Test
  void theBehaviourOptionsShapeTheShoppersAndTheirTastes() throws Exception {
    Path plain = dir.resolve("plain.jsonl");
    Path shaped = dir.resolve("shaped.jsonl");
    Path tastesFile = dir.resolve("elsewhere").resolve("t.json");

    simulate("--customers", "20", "--events", "500", "--seed", "3", "--out", plain.toString());
    ToolRun result = simulate("--customers", "20", "--events", "500", "--seed", "3", "--out", shaped.toString(),
        "--factors", "3", "--direct-purchase-share", "1", "--noise-share", "0", "--tastes-out", tastesFile.toString());

    assertEquals(DONE, result.exitCode(), result.err());
    assertEquals(3, readTastes(tastesFile).factors());
    assertFalse(Files.exists(dir.resolve("shaped.jsonl.tastes.json")), "--tastes-out replaces the file beside");
    Map<String, CustomerEvent> firstOfSession = new LinkedHashMap<>();
    read(shaped).forEach(event -> firstOfSession.putIfAbsent(event.sessionId(), event));
    long openedByPurchase = firstOfSession.values().stream().filter(e -> e.type() == EventType.PURCHASE).count();
    assertTrue(openedByPurchase > 0.9 * firstOfSession.size(), openedByPurchase + " of " + firstOfSession.size());
    assertNotEquals(read(plain), read(shaped));
  }

  @Test
  void theSameSeedWritesTheSameBytes() throws Exception {
    Path first = dir.resolve("first.jsonl");
    Path second = dir.resolve("second.jsonl");

    simulate("--customers", "20", "--events", "500", "--seed", "3", "--out", first.toString());
    simulate("--customers", "20", "--events", "500", "--seed", "3", "--out", second.toString());

    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
  }

  @Test
  void aFileThatCannotBeWrittenFailsWithExitCodeOne() {
    Path file = dir.resolve("no-such-dir").resolve("sim.jsonl");

    ToolRun result = simulate("--customers", "5", "--events", "10", "--seed", "1", "--out", file.toString());

    assertEquals(FAILED, result.exitCode());
    assertEquals("error: cannot write " + file + ": its directory does not exist\n", result.err());
  }

  @Test
  void aRateSpacesTheEventsOut() {
    Path file = dir.resolve("r.jsonl");
    long started = System.nanoTime();

    ToolRun result =
        simulate("--customers", "5", "--events", "51", "--seed", "1", "--rate", "250", "--out", file.toString());

    assertEquals(DONE, result.exitCode(), result.err());
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertTrue(took.compareTo(Duration.ofMillis(200)) >= 0, "50 intervals of 4 ms, took " + took);
  }

  @Test
  void theProgressIsABarWithTheCountAndTheRateRedrawnInPlace() {
    Path file = dir.resolve("p.jsonl");

    ToolRun result = simulate("--customers", "5", "--events", "4", "--seed", "1", "--out", file.toString());

    assertEquals(DONE, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("\rsimulate"), result.err());
    assertTrue(result.err().contains("100% ["), result.err());
    assertTrue(result.err().contains("4/4 events"), result.err());
    assertTrue(result.err().contains(" events/s"), result.err());
    assertTrue(result.err().endsWith("\n"), result.err());
  }

  private static List<CustomerEvent> read(Path file) throws IOException {
    EventJson json = new EventJson(new ObjectMapper());
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .map(line -> json.parse(line.getBytes(StandardCharsets.UTF_8)))
        .map(parsed -> assertInstanceOf(ParsedEvent.Valid.class, parsed).event())
        .toList();
  }

  private static LatentTastes readTastes(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new LatentTastesFile(new ObjectMapper()).read(in);
    }
  }

  private static ToolRun simulate(String... args) {
    return ToolRun.concierge(Stream.concat(Stream.of("simulate"), Stream.of(args)).toArray(String[]::new));
  }
}
