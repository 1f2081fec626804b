package dev.concierge.tools.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DemoCatalog;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.persistence.json.ParsedEvent;
import dev.concierge.tools.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulateTest {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final long LAUNCHER_TIMEOUT_SECONDS = 60;

  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {}

  @Test
  void theRequiredOptionsAndAFileMakeAWholeCommand() throws Exception {
    SimulateArguments arguments =
        SimulateArguments.parse("--customers", "50", "--events", "2000", "--seed", "7", "--out", "x.jsonl");

    assertEquals(SimulationSettings.of(50, 2000, 7), arguments.settings());
    assertEquals(new JsonLinesFile(Path.of("x.jsonl")), arguments.destination());
    assertEquals(OptionalDouble.empty(), arguments.rate());
  }

  @Test
  void everyOptionCanBeGivenWithAnEqualsSignAndTheRestAreOptional() throws Exception {
    SimulateArguments arguments = SimulateArguments.parse("--kafka", "--customers=3", "--events=10", "--seed=-4",
        "--rate=2.5", "--start=2027-01-01T00:00:00Z", "--days=2");

    assertEquals(
        new SimulationSettings(3, 10, -4, Instant.parse("2027-01-01T00:00:00Z"), Duration.ofDays(2)),
        arguments.settings());
    assertInstanceOf(KafkaTopic.class, arguments.destination());
    assertEquals(OptionalDouble.of(2.5), arguments.rate());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--events 10 --seed 1 --out x                          | missing --customers",
        "--customers 1 --seed 1 --out x                        | missing --events",
        "--customers 1 --events 10 --out x                     | missing --seed",
        "--customers 0 --events 10 --seed 1 --out x            | --customers must be between 1 and",
        "--customers many --events 10 --seed 1 --out x         | --customers must be a whole number, was 'many'",
        "--customers 1 --events -5 --seed 1 --out x            | --events must be between 1 and",
        "--customers 1 --events 10 --seed 1.5 --out x          | --seed must be a whole number",
        "--customers 1 --events 10 --seed 1                    | Give --out FILE.jsonl or --kafka",
        "--customers 1 --events 10 --seed 1 --out x --kafka    | either --out FILE or --kafka, not both",
        "--customers 1 --events 10 --seed 1 --out x --rate 0   | --rate must be a number of events per second above 0",
        "--customers 1 --events 10 --seed 1 --out x --rate fast | --rate must be a number",
        "--customers 1 --events 10 --seed 1 --out x --start today | --start must be an ISO-8601 instant",
        "--customers 1 --events 10 --seed 1 --out x --days 0   | --days must be between 1 and",
        "--customers 1 --events 10 --seed 1 --out x --color    | unknown option --color",
        "--customers 1 --events 10 --seed 1 --out x extra      | unexpected argument 'extra'",
        "--customers 1 --customers 2 --events 10 --seed 1 --out x | --customers is given twice",
        "--customers 1 --events 10 --out x --seed              | --seed needs a value",
      })
  void aCommandLineThatCannotWorkSaysWhatToFix(String commandLine, String message) {
    UsageException refused =
        assertThrows(UsageException.class, () -> SimulateArguments.parse(commandLine.trim().split("\\s+")));

    assertTrue(refused.getMessage().contains(message.trim()), refused.getMessage());
  }

  @Test
  void badArgumentsExitWithCodeTwoAndTheUsage() {
    Result result = simulate("--customers", "0", "--events", "10", "--seed", "1", "--out", "x.jsonl");

    assertEquals(SimulateCommand.BAD_ARGUMENTS, result.exitCode());
    assertTrue(result.err().startsWith("simulate: --customers must be between 1 and"), result.err());
    assertTrue(result.err().contains(SimulateCommand.USAGE), result.err());
  }

  @Test
  void moreEventsThanTheCustomersCanMakeInThePeriodAreABadArgument() {
    Result result =
        simulate("--customers", "1", "--events", "1000000", "--seed", "1", "--days", "1", "--out", "x.jsonl");

    assertEquals(SimulateCommand.BAD_ARGUMENTS, result.exitCode(), result.err());
    assertTrue(result.err().contains("add customers or lengthen the period"), result.err());
  }

  @Test
  void helpPrintsTheUsageAndDoesNothingElse() {
    Result result = simulate("--customers", "0", "--help");

    assertEquals(SimulateCommand.DONE, result.exitCode());
    assertEquals(SimulateCommand.USAGE, result.out());
    assertEquals("", result.err());
  }

  @Test
  void outWritesOneCustomerEventsJsonObjectPerLineThatReadsBackAsTheSimulatedEvents() throws Exception {
    Path file = dir.resolve("sim.jsonl");

    Result result = simulate("--customers", "50", "--events", "2000", "--seed", "7", "--out", file.toString());

    assertEquals(SimulateCommand.DONE, result.exitCode(), result.err());
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(2000, lines.size());
    EventJson json = new EventJson(new ObjectMapper());
    List<CustomerEvent> read = lines.stream()
        .map(line -> json.parse(line.getBytes(StandardCharsets.UTF_8)))
        .map(parsed -> assertInstanceOf(ParsedEvent.Valid.class, parsed).event())
        .toList();
    List<CustomerEvent> simulated =
        ShopperSimulation.of(SimulationSettings.of(50, 2000, 7), DemoCatalog.generate(1000, 42)).stream().toList();
    assertEquals(simulated, read);
    assertTrue(result.out().startsWith("wrote 2,000 events of 50 customers (seed 7"), result.out());
    assertTrue(result.err().contains("2000/2000 events"), "a last progress line: " + result.err());
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

    Result result = simulate("--customers", "5", "--events", "10", "--seed", "1", "--out", file.toString());

    assertEquals(SimulateCommand.FAILED, result.exitCode());
    assertEquals("simulate: cannot write " + file + ": its directory does not exist\n", result.err());
  }

  @Test
  void aRateSpacesTheEventsOut() {
    Path file = dir.resolve("r.jsonl");
    long started = System.nanoTime();

    Result result =
        simulate("--customers", "5", "--events", "51", "--seed", "1", "--rate", "250", "--out", file.toString());

    assertEquals(SimulateCommand.DONE, result.exitCode(), result.err());
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertTrue(took.compareTo(Duration.ofMillis(200)) >= 0, "50 intervals of 4 ms, took " + took);
  }

  @Test
  void theProgressIsABarWithTheCountAndTheRateRedrawnInPlace() {
    Path file = dir.resolve("p.jsonl");

    Result result = simulate("--customers", "5", "--events", "4", "--seed", "1", "--out", file.toString());

    assertEquals(SimulateCommand.DONE, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("\rsimulate"), result.err());
    assertTrue(result.err().contains("100% ["), result.err());
    assertTrue(result.err().contains("4/4 events"), result.err());
    assertTrue(result.err().contains(" events/s"), result.err());
    assertTrue(result.err().endsWith("\n"), result.err());
  }

  @Test
  void theLauncherExplainsSimulateWithTheSameUsage() throws Exception {
    Process process = new ProcessBuilder("bash", REPO.resolve("bin/concierge").toString(), "simulate", "--help")
        .directory(REPO.toFile())
        .redirectErrorStream(true)
        .start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertTrue(process.waitFor(LAUNCHER_TIMEOUT_SECONDS, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.startsWith(SimulateCommand.USAGE), output);
  }

  private static Result simulate(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode = SimulateCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
