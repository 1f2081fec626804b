package dev.concierge.tools.dev;

import static dev.concierge.tools.ToolRun.concierge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.tools.Concierge;
import dev.concierge.tools.ToolRun;
import dev.concierge.tools.nodes.NodePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** bin/concierge dev's command line, its port checks, and what it prints, without a node or services. */
class DevCommandTest {

  private static final NodePorts DEV = new NodePorts("dev", "127.0.0.1", 18080, "concierge", "127.0.0.1", 12551,
      18558);

  @TempDir Path state;

  @Test
  void withoutOptionsDevUsesTheConfigsPortAndSimulatesNothing() {
    DevCommand dev = parse();

    assertEquals(Optional.empty(), dev.port());
    assertEquals(Optional.empty(), dev.simulation());
  }

  @Test
  void simulateAloneStreamsAThousandShoppersAMillionEventsAtTwentyASecondWithSeedOne() {
    DevCommand.Simulation simulation = parse("--simulate").simulation().orElseThrow();

    assertEquals(new DevCommand.Simulation(1000, 1_000_000, 1, 20), simulation);
    assertEquals("20", simulation.rateText());
  }

  @Test
  void everyOptionChangesItsDefault() {
    DevCommand dev = parse("--port", "18081", "--simulate", "--rate=2.5", "--customers", "7", "--events", "9",
        "--seed", "-3");

    assertEquals(Optional.of(18081), dev.port());
    DevCommand.Simulation simulation = dev.simulation().orElseThrow();
    assertEquals(new DevCommand.Simulation(7, 9, -3, 2.5), simulation);
    assertEquals("2.5", simulation.rateText());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--customers 5                | --customers goes with --simulate",
    "--rate 3                     | --rate goes with --simulate",
    "--port 0                     | --port: '0' is not a valid TCP port",
    "--port 70000                 | --port: '70000' is not a valid TCP port",
    "--port x                     | --port",
    "--simulate --customers 0     | --customers",
    "--simulate --events -1       | --events",
    "--simulate --rate 0          | --rate",
    "--simulate --seed 1.5        | --seed",
    "extra                        | extra",
  })
  void aBadCommandLineIsExitCodeTwoAndSaysWhatToFixBeforeAnythingStarts(String args, String message) {
    ToolRun run = concierge(Map.of("CONCIERGE_STATE_DIR", state.toString()),
        ("dev " + args.strip()).split(" "));

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("error: "), run.err());
    assertTrue(run.err().contains(message.strip()), run.err());
    assertFalse(Files.exists(state.resolve("admin-token")));
  }

  @ParameterizedTest
  @CsvSource({"0, --port N", "1, CONCIERGE_REMOTE_PORT=<port>", "2, CONCIERGE_MANAGEMENT_PORT=<port>"})
  void aTakenPortFailsWithExitCodeOneAndNamesThePortBeforeAnythingStarts(int which, String hint) throws IOException {
    try (ServerSocket http = free(); ServerSocket remote = free(); ServerSocket management = free()) {
      List<ServerSocket> sockets = List.of(http, remote, management);
      int taken = sockets.get(which).getLocalPort();
      for (ServerSocket socket : sockets) {
        if (socket.getLocalPort() != taken) {
          socket.close();
        }
      }
      ToolRun run = concierge(Map.of("CONCIERGE_STATE_DIR", state.toString(),
          "CONCIERGE_REMOTE_PORT", Integer.toString(remote.getLocalPort()),
          "CONCIERGE_MANAGEMENT_PORT", Integer.toString(management.getLocalPort())),
          "dev", "--port", Integer.toString(http.getLocalPort()));

      assertEquals(1, run.exitCode(), run.err());
      assertTrue(run.err().startsWith("error: port 127.0.0.1:" + taken + " is already in use"), run.err());
      assertTrue(run.err().contains(hint), run.err());
      assertFalse(Files.exists(state.resolve("admin-token")), "no token before the ports are checked");
    }
  }

  @Test
  void checkOnlyChecksTheCommandLineAndThePortsAndStartsNothing() throws IOException {
    int http;
    int remote;
    int management;
    try (ServerSocket a = free(); ServerSocket b = free(); ServerSocket c = free()) {
      http = a.getLocalPort();
      remote = b.getLocalPort();
      management = c.getLocalPort();
    }
    ToolRun run = concierge(Map.of("CONCIERGE_STATE_DIR", state.toString(), "CONCIERGE_HTTP_PORT",
        Integer.toString(http), "CONCIERGE_REMOTE_PORT", Integer.toString(remote), "CONCIERGE_MANAGEMENT_PORT",
        Integer.toString(management)), "dev", "--check-only", "--simulate", "--rate", "5");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.out() + run.err());
    assertFalse(Files.exists(state.resolve("admin-token")));
  }

  @Test
  void theBannerSaysWhereEverythingIsAndWhatToTry() {
    String banner = DevCommand.banner(DEV, 4242, "t0k3n", Map.of("CONCIERGE_KAFKA_BOOTSTRAP", "127.0.0.1:9092",
        "CONCIERGE_CASSANDRA_CONTACT_POINT", "127.0.0.1:9042"), Optional.empty(), state.resolve("simulate.log"));

    assertEquals("""

          Concierge is running (node pid 4242)
            demo      http://127.0.0.1:18080/demo/   (a storefront on the browser SDK)
            API       http://127.0.0.1:18080/v1
            health    http://127.0.0.1:18080/health/ready
            admin     http://127.0.0.1:18080/admin/models   (Authorization: Bearer t0k3n), or bin/concierge admin models
            cluster   http://127.0.0.1:18080/admin/shards   and Pekko Management http://127.0.0.1:18558/cluster/members (same token)
            features  http://127.0.0.1:18080/v1/customers/c-42/features   (Authorization: Bearer t0k3n)
            Kafka     127.0.0.1:9092    Cassandra 127.0.0.1:9042

          Try:
            curl -s -X POST http://127.0.0.1:18080/v1/events -H 'Content-Type: application/json' \\
              -d '{"eventId":"e-1","customerId":"c-42","type":"view","itemId":"sku-7","timestamp":"2026-11-26T10:00:00Z"}'
            curl -s -X POST http://127.0.0.1:18080/v1/decisions -H 'Content-Type: application/json' \\
              -d '{"customerId":"c-42","limit":10}'
            curl -s http://127.0.0.1:18080/v1/customers/c-42/features -H 'Authorization: Bearer t0k3n'
            echo '{"eventId":"e-2","customerId":"c-42","type":"view","itemId":"sku-9","timestamp":"2026-11-26T10:01:00Z"}' \\
              | kcat -P -b 127.0.0.1:9092 -t customer-events -k c-42

          Ctrl-C stops the node (and the services this command started).

        """, banner);
  }

  @Test
  void withTheSimulationTheBannerNamesTheShoppersAndItsLog() {
    Path log = state.resolve("simulate.log");
    String banner = DevCommand.banner(DEV, 1, "t", Map.of(), Optional.of(new DevCommand.Simulation(50, 900, 7, 0.5)),
        log);

    assertTrue(banner.contains("""
            Kafka     127.0.0.1:9092    Cassandra\s
            Shoppers  50 synthetic, 900 events at 0.5/s into customer-events (seed 7)
                      sim-c-1..sim-c-50, e.g. http://127.0.0.1:18080/v1/customers/sim-c-1/features
                      progress in %s

        """.formatted(log)), banner);
    assertTrue(banner.contains("  Ctrl-C stops the node and the simulation (and the services this command started)."),
        banner);
  }

  @Test
  void theSimulationIsConciergeSimulateIntoKafkaOnThisJvmWithItsOwnFlags() {
    List<String> command = DevCommand.simulationCommand(Concierge.class.getName(),
        new DevCommand.Simulation(50, 900, 7, 0.5), Map.of("CONCIERGE_SIMULATE_JVM_OPTS", " -Xmx256m  -XX:+UseSerialGC "));

    assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), command.get(0));
    assertEquals(List.of("-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        "dev.concierge.tools.Concierge", "simulate", "--kafka", "--customers", "50", "--events", "900", "--seed", "7",
        "--rate", "0.5"), command.subList(1, command.size()));
  }

  @Test
  void theSimulationsOutcomeIsItsLastLineOrItsFirstError() throws IOException {
    Path log = state.resolve("simulate.log");
    Files.writeString(log, "progress\nerror: no Kafka at 127.0.0.1:1\nmore\n");
    assertEquals("more", DevCommand.outcome(0, log));
    assertEquals("stopped with exit code 1: error: no Kafka at 127.0.0.1:1 (log: " + log + ")",
        DevCommand.outcome(1, log));
    Files.writeString(log, "progress\nlast\n");
    assertEquals("stopped with exit code 137: last (log: " + log + ")", DevCommand.outcome(137, log));
  }

  private static DevCommand parse(String... args) {
    DevCommand dev = new DevCommand();
    new CommandLine(dev).parseArgs(args);
    return dev;
  }

  private static ServerSocket free() throws IOException {
    return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }
}
