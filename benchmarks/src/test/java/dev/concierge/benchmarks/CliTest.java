package dev.concierge.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class CliTest {

  private final Cli.DurationValue durations = new Cli.DurationValue();

  @Test
  void aDurationIsWrittenAsInTheConfiguration() {
    assertEquals(Duration.ofSeconds(30), durations.convert("30s"));
    assertEquals(Duration.ofMillis(500), durations.convert("500ms"));
    assertEquals(Duration.ofMinutes(2), durations.convert("2m"));
    assertEquals(Duration.ZERO, durations.convert("0s"));
  }

  @Test
  void aDurationReadsBackAsWritten() {
    Duration duration = Duration.ofMillis(1500);

    assertEquals(duration, durations.convert(Cli.format(duration)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"30", "-1s", "soon", ""})
  void aDurationNeedsAUnitAndNoSign(String text) {
    TypeConversionException refused = assertThrows(TypeConversionException.class, () -> durations.convert(text));

    assertTrue(refused.getMessage().contains("is not a duration such as 30s"), refused.getMessage());
  }

  @Test
  void aPositiveNumberIsOneOrMore() {
    assertEquals(1, new Cli.Positive().convert("1"));
    assertEquals("must be 1 or more, not 0",
        assertThrows(TypeConversionException.class, () -> new Cli.Positive().convert("0")).getMessage());
    assertEquals("'many' is not a whole number",
        assertThrows(TypeConversionException.class, () -> new Cli.Positive().convert("many")).getMessage());
  }

  @Test
  void aNumberThatIsNotNegativeMayBeZero() {
    assertEquals(0, new Cli.NotNegative().convert("0"));
    assertThrows(TypeConversionException.class, () -> new Cli.NotNegative().convert("-1"));
  }
}
