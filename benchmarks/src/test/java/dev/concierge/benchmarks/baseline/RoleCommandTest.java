package dev.concierge.benchmarks.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import dev.concierge.benchmarks.CommandRun;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RoleCommandTest {

  @Test
  void theModelServersOptionsSetItsConfiguration() {
    ModelServer server = new ModelServer();
    new CommandLine(server).parseArgs("--port", "18090", "--interface", "0.0.0.0", "--bundle", "/tmp/dev.bundle",
        "--log-decisions", "off", "--bootstrap", "127.0.0.1:19092", "--catalog-topic", "items", "--redis",
        "redis://127.0.0.1:16380");

    Config concierge = server.config().getConfig("concierge");
    ServerSettings settings = ServerSettings.fromConfig(concierge);
    assertEquals(18090, settings.port());
    assertEquals("0.0.0.0", settings.host());
    assertEquals(Optional.of(Path.of("/tmp/dev.bundle")), settings.bundle());
    assertFalse(settings.logDecisions());
    assertEquals("127.0.0.1:19092", BaselineKafka.fromConfig(concierge).bootstrapServers());
    assertEquals("items", BaselineKafka.fromConfig(concierge).catalogTopic());
    assertEquals("redis://127.0.0.1:16380", RedisSettings.fromConfig(concierge).uri());
  }

  @Test
  void withoutOptionsTheDefaultsOfTheConfigurationHold() {
    ModelServer server = new ModelServer();
    new CommandLine(server).parseArgs();

    ServerSettings settings = ServerSettings.fromConfig(server.config().getConfig("concierge"));
    assertEquals(8090, settings.port());
    assertTrue(settings.logDecisions());
    assertEquals(Optional.empty(), settings.bundle());
  }

  @Test
  void theWritersOptionsSetItsConfiguration() {
    FeatureWriter writer = new FeatureWriter();
    new CommandLine(writer).parseArgs("--topic", "events", "--group", "baseline-2");

    Config concierge = writer.config().getConfig("concierge");
    assertEquals("events", BaselineKafka.fromConfig(concierge).eventsTopic());
    assertEquals("baseline-2", WriterSettings.fromConfig(concierge).groupId());
  }

  @Test
  void aPortThatIsNoNumberIsAUsageError() {
    CommandRun run = CommandRun.of(new CommandLine(new ModelServer()), "--port", "http");

    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("Invalid value for option '--port'"), run.err());
  }

  @Test
  void aSwitchIsOnOrOff() {
    CommandRun run = CommandRun.of(new CommandLine(new ModelServer()), "--log-decisions", "maybe");

    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("Invalid value for option '--log-decisions': 'maybe' is neither on nor off"),
        run.err());
  }
}
