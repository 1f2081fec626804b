package dev.concierge.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.testing.Eventually;
import dev.concierge.testing.RealServices;
import dev.concierge.testing.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's three-terminal start, all at once: {@code bin/concierge node local1}, {@code local2} and
 * {@code local3} launched at the same moment in a fresh clone build the project once, under the
 * launcher's lock, and all three nodes come up.
 */
class ConcurrentStartsIntegrationTest {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> NODES = List.of("local1", "local2", "local3");
  /** A fresh clone's first build (no tests) and three node starts on two cores. */
  private static final Duration COME_UP = Duration.ofMinutes(8);
  private static final Duration STOP = Duration.ofSeconds(60);
  private static final Duration ANSWER = Duration.ofSeconds(2);
  private static final Pattern HTTP_PORT = Pattern.compile("concierge\\.http\\.port\\s*=\\s*(\\d+)");

  @TempDir Path work;
  private final List<Process> launchers = new ArrayList<>();

  @AfterEach
  void stopTheNodes() throws InterruptedException {
    launchers.forEach(Process::destroy);
    for (Process launcher : launchers) {
      if (!launcher.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
        launcher.destroyForcibly();
      }
    }
  }

  @Test
  void threeNodesStartedTogetherInAFreshCloneBuildOnceAndAllComeUp() throws Exception {
    Path clone = work.resolve("concierge");
    run(List.of("git", "clone", "--quiet", REPOSITORY.toString(), clone.toString()));
    String namespace = "starts_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    for (String node : NODES) {
      ProcessBuilder launcher = new ProcessBuilder(clone.resolve("bin/concierge").toString(), "node", node)
          .directory(clone.toFile())
          .redirectErrorStream(true)
          .redirectOutput(work.resolve(node + ".out").toFile());
      Map<String, String> env = launcher.environment();
      env.put("CONCIERGE_KAFKA_BOOTSTRAP", RealServices.kafkaBootstrap());
      env.put("CONCIERGE_CASSANDRA_CONTACT_POINT", RealServices.cassandraContactPoint());
      env.put("CONCIERGE_NODE_JVM_OPTS", String.join(" ",
          "-Xms256m", "-Xmx400m",
          "-Dconcierge.kafka.topics.events=customer-events-" + namespace,
          "-Dconcierge.kafka.topics.dead-letters=customer-events-" + namespace + ".dlq",
          "-Dconcierge.kafka.topics.catalog=catalog-" + namespace,
          "-Dconcierge.kafka.topics.decisions=decisions-" + namespace,
          "-Dconcierge.ingestion.group-id=it-" + namespace,
          "-Dpekko.persistence.cassandra.journal.keyspace=it_" + namespace,
          "-Dpekko.persistence.cassandra.snapshot.keyspace=it_" + namespace));
      launchers.add(launcher.start());
    }

    TestHttp http = new TestHttp(ANSWER);
    for (String node : NODES) {
      URI ready = URI.create("http://127.0.0.1:" + httpPort(clone, node) + "/health/ready");
      // no answer yet is "not yet" to Eventually, as a 503 is
      Eventually.within(COME_UP, node + " answers ready (its launcher's output: " + work.resolve(node + ".out") + ")",
          () -> http.get(ready).statusCode() == 200);
    }

    long builds = 0;
    for (String node : NODES) {
      String output = Files.readString(work.resolve(node + ".out"));
      builds += output.lines().filter(line -> line.contains("building (")).count();
    }
    assertEquals(1, builds, "one build for three launchers");
    assertTrue(launchers.stream().allMatch(Process::isAlive), "every launcher still runs its node");
  }

  /** The node's HTTP port, read from its own configuration file in the clone (the layout's one owner). */
  private static int httpPort(Path clone, String node) throws IOException {
    String config = Files.readString(clone.resolve("cluster-config/src/main/resources/" + node + ".conf"));
    Matcher port = HTTP_PORT.matcher(config);
    assertTrue(port.find(), node + ".conf names its HTTP port");
    return Integer.parseInt(port.group(1));
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).inheritIO().start();
    assertEquals(0, process.waitFor(), String.join(" ", command));
  }
}
