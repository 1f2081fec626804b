package dev.concierge.benchmarks.harness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ports of a bench run: the layout of {@link BenchSettings#ports()}, each overridden by its variable when the
 * environment sets it. Every process of the run gets them as those variables, which is how bin/concierge services,
 * the node's dev.conf and the baseline's model server take a port.
 *
 * @param byVariable each port by the variable that sets it, in the layout's order
 */
record BenchPorts(Map<String, Integer> byVariable) {

  /** Every service of a bench listens on the loopback interface. */
  static final String HOST = "127.0.0.1";
  private static final int MAX_PORT = 65535;

  /** One port of the layout: the variable that sets it, its value in a bench, and what listens on it. */
  record Port(String variable, int port, String of) {}

  /** The layout, with the ports that {@code environment} sets instead; a value that is no TCP port fails. */
  static BenchPorts of(List<Port> layout, Map<String, String> environment) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (Port port : layout) {
      ports.put(port.variable(), Optional.ofNullable(environment.get(port.variable())).filter(text -> !text.isBlank())
          .map(text -> parse(port.variable(), text)).orElse(port.port()));
    }
    return new BenchPorts(Collections.unmodifiableMap(ports));
  }

  private static int parse(String variable, String text) {
    try {
      int port = Integer.parseInt(text.strip());
      if (port >= 1 && port <= MAX_PORT) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(variable + "='" + text + "' is not a valid TCP port (1-" + MAX_PORT + ")");
  }

  /** The port the variable sets. */
  int port(String variable) {
    Integer port = byVariable.get(variable);
    if (port == null) {
      throw new IllegalArgumentException(variable + " is no port of the bench (concierge.bench.ports)");
    }
    return port;
  }

  /** The variables for the run's processes. */
  Map<String, String> variables() {
    return byVariable.entrySet().stream().collect(
        Collectors.toMap(Map.Entry::getKey, port -> Integer.toString(port.getValue()), (a, b) -> a, LinkedHashMap::new));
  }

  /** For the help: {@code Kafka 19092 (CONCIERGE_KAFKA_PORT), ...}, from the layout. */
  static String describe(List<Port> layout) {
    return layout.stream().map(port -> port.of() + " " + port.port() + " (" + port.variable() + ")")
        .collect(Collectors.joining(", "));
  }
}
