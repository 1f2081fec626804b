package dev.concierge.tools.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so this checks what can be checked of docker-compose.yml: that it
 * parses, and that its services, addresses and ports agree with each other and with the node's
 * configuration.
 */
class DockerComposeTest {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  private final JsonNode services = compose().get("services");
  private final JsonNode node = services.get("concierge");
  private final Config defaults = ConfigFactory.load("dev").getConfig("concierge");

  @Test
  void theNodeTalksToTheKafkaBrokerAtTheAddressTheBrokerAdvertises() {
    String advertised = services.get("kafka").get("environment").get("KAFKA_ADVERTISED_LISTENERS").asText();

    assertEquals("PLAINTEXT://" + env("CONCIERGE_KAFKA_BOOTSTRAP"), advertised);
  }

  @Test
  void theNodeTalksToCassandraOnItsServiceNameAndNativePortInTheDatacenterTheDriverExpects() {
    assertEquals("cassandra:9042", env("CONCIERGE_CASSANDRA_CONTACT_POINT"));
    String datacenter =
        ConfigFactory.load().getString("datastax-java-driver.basic.load-balancing-policy.local-datacenter");
    assertEquals(datacenter, services.get("cassandra").get("environment").get("CASSANDRA_DC").asText());
  }

  @Test
  void theHttpPortTheNodeListensOnIsPublishedOnLoopback() {
    String port = env("CONCIERGE_HTTP_PORT");
    assertEquals(Integer.toString(defaults.getInt("http.port")), port);
    assertEquals("127.0.0.1:" + port + ":" + port, node.get("ports").get(0).asText());
    assertEquals("0.0.0.0", env("CONCIERGE_HTTP_INTERFACE"), "inside a container the API must listen beyond loopback");
  }

  @Test
  void theNodeImageIsBuiltFromADockerfileThatRunsTheRealMainClasses() throws IOException {
    Path dockerfile = REPO.resolve(node.get("build").get("dockerfile").asText());
    String text = Files.readString(dockerfile);

    assertTrue(text.contains("dev.concierge.Main") && text.contains("dev.concierge.tools.dev.DevSetup"), text);
    assertEquals(Main.class.getName(), "dev.concierge.Main");
    assertEquals(DevSetup.class.getName(), "dev.concierge.tools.dev.DevSetup");
  }

  @Test
  void theNodeWaitsForHealthyServices() {
    assertEquals("service_healthy", node.get("depends_on").get("kafka").get("condition").asText());
    assertEquals("service_healthy", node.get("depends_on").get("cassandra").get("condition").asText());
    assertTrue(services.get("kafka").has("healthcheck") && services.get("cassandra").has("healthcheck"));
  }

  private String env(String name) {
    JsonNode value = node.get("environment").get(name);
    assertTrue(value != null, "concierge service sets " + name);
    return value.asText();
  }

  private static JsonNode compose() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(REPO.resolve("docker-compose.yml").toFile());
    } catch (IOException e) {
      throw new AssertionError("docker-compose.yml does not parse", e);
    }
  }
}
