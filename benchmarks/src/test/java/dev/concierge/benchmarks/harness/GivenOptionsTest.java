package dev.concierge.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class GivenOptionsTest {

  @Command(name = "steps", mixinStandardHelpOptions = true)
  static final class Steps {
    @Option(names = "--rates", split = ",", defaultValue = "1000,2000")
    List<Integer> rates;

    @Option(names = {"-d", "--duration"}, defaultValue = "30s")
    String duration;

    @Option(names = "--no-wrk")
    boolean noWrk;

    /** What the options hold, to compare a parse with the parse of what was passed on. */
    List<Object> values() {
      return List.of(rates, duration, noWrk);
    }
  }

  static Stream<Arguments> commandLines() {
    return Stream.of(
        Arguments.of(List.of(), List.of()),
        Arguments.of(List.of("--rates", "500"), List.of("--rates", "500")),
        Arguments.of(List.of("--rates=500,700", "--rates", "900"), List.of("--rates", "500,700", "--rates", "900")),
        Arguments.of(List.of("-d", "10s", "--no-wrk"), List.of("--duration", "10s", "--no-wrk")));
  }

  static Stream<List<String>> typed() {
    return commandLines().map(arguments -> (List<String>) arguments.get()[0]);
  }

  @ParameterizedTest
  @MethodSource("commandLines")
  void onlyTheOptionsGivenPassOnAsTypedByTheirLongNames(List<String> typed, List<String> passedOn) {
    CommandLine line = new CommandLine(new Steps());
    line.parseArgs(typed.toArray(String[]::new));

    assertEquals(passedOn, GivenOptions.of(line.getCommandSpec()));
  }

  @ParameterizedTest
  @MethodSource("typed")
  void theMainThatTakesThemParsesTheSameValues(List<String> typed) {
    Steps given = new Steps();
    CommandLine line = new CommandLine(given);
    line.parseArgs(typed.toArray(String[]::new));
    Steps passed = new Steps();

    new CommandLine(passed).parseArgs(GivenOptions.of(line.getCommandSpec()).toArray(String[]::new));

    assertEquals(given.values(), passed.values());
  }
}
