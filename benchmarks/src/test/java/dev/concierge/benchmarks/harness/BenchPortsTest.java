package dev.concierge.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchPortsTest {

  private static final List<BenchPorts.Port> LAYOUT = List.of(
      new BenchPorts.Port("CONCIERGE_KAFKA_PORT", 19092, "Kafka"),
      new BenchPorts.Port("CONCIERGE_HTTP_PORT", 18080, "the node"));

  @Test
  void everyPortOfTheLayoutGoesToTheRunsProcessesAsItsVariable() {
    BenchPorts ports = BenchPorts.of(LAYOUT, Map.of());

    assertEquals(Map.of("CONCIERGE_KAFKA_PORT", "19092", "CONCIERGE_HTTP_PORT", "18080"), ports.variables());
  }

  @Test
  void aVariableSetInTheEnvironmentMovesItsPortAlone() {
    BenchPorts ports = BenchPorts.of(LAYOUT, Map.of("CONCIERGE_HTTP_PORT", " 28080 "));

    assertEquals(28080, ports.port("CONCIERGE_HTTP_PORT"));
    assertEquals(19092, ports.port("CONCIERGE_KAFKA_PORT"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536", "ninety", "-1"})
  void aValueThatIsNoTcpPortFailsAndNamesItsVariable(String value) {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> BenchPorts.of(LAYOUT, Map.of("CONCIERGE_KAFKA_PORT", value)));

    assertEquals("CONCIERGE_KAFKA_PORT='" + value + "' is not a valid TCP port (1-65535)", refused.getMessage());
  }

  @Test
  void theReferenceLayoutHasNoPortTwice() {
    List<BenchPorts.Port> layout = BenchSettings.load().ports();

    assertEquals(layout.size(), layout.stream().map(BenchPorts.Port::port).distinct().count(), layout.toString());
    assertEquals(layout.size(), layout.stream().map(BenchPorts.Port::variable).distinct().count(), layout.toString());
  }
}
