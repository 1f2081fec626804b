package dev.concierge.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.typesafe.config.ConfigFactory;
import dev.concierge.NodeCommandLine;
import dev.concierge.tools.Concierge;
import dev.concierge.tools.nodes.NodePorts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No Docker engine runs here, so this checks the node's image (the tar Jib wrote) and docker-compose.yml by what
 * they would run: the entrypoint is the node's command line ({@link NodeCommandLine}) once the shell has expanded
 * the image's variables, on a java and a classpath that are in the image; every command compose gives the tools
 * parses with their own command line; and the ports, addresses and versions agree with the node's configuration
 * and the launcher.
 */
class DockerComposeIntegrationTest {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final String NODE_IMAGE = "concierge-node";
  // the launcher's defaults, `${CONCIERGE_NODE_JVM_OPTS:-...}` and KAFKA_VERSION=...
  private static final Pattern LAUNCHER_JVM_OPTS = Pattern.compile("\\$\\{CONCIERGE_NODE_JVM_OPTS:-([^}]*)}");
  private static final Pattern LAUNCHER_KAFKA = Pattern.compile("(?m)^KAFKA_VERSION=(\\S+)$");
  // a shell variable, $NAME, as the entrypoint's shell expands it
  private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{CONCIERGE_ADMIN_TOKEN:\\?.+}");

  @TempDir static Path unpacked;
  private static NodeImage image;

  private final JsonNode services = compose().get("services");
  private final JsonNode node = services.get("concierge");

  @BeforeAll
  static void unpackTheImage() throws Exception {
    image = NodeImage.unpack(Path.of(System.getProperty("concierge.image.tar")), unpacked);
  }

  @Test
  void theImageRunsAsAUserOtherThanRootThatItsPasswdNames() throws IOException {
    String uid = image.config().get("User").asText().split(":")[0];

    assertNotEquals("0", uid);
    assertTrue(Files.readAllLines(image.file("/etc/passwd")).stream().anyMatch(l -> l.split(":")[2].equals(uid)));
  }

  @Test
  void theEntrypointIsTheNodesCommandLineWithTheConfigurationAndTheLaunchersJvmFlags() throws IOException {
    Map<String, String> environment = image.environment();
    List<String> entrypoint = image.entrypoint();
    assertEquals(List.of("/bin/sh", "-c"), entrypoint.subList(0, 2));

    List<String> command = expand(entrypoint.get(2), environment);

    assertEquals("exec", command.get(0));
    List<String> jvm = new ArrayList<>(List.of("java"));
    jvm.addAll(words(launcherDefault(LAUNCHER_JVM_OPTS, "bin/lib/app.sh")));
    String config = environment.get("CONCIERGE_CONFIG");
    assertEquals(NodeCommandLine.command(jvm, NodeCommandLine.configResource(config), "@/app/jib-classpath-file"),
        command.subList(1, command.size()));
  }

  @Test
  void theEntrypointsJavaClasspathAndConfigurationAreInTheImage() throws IOException {
    Map<String, String> environment = image.environment();
    assertTrue(Arrays.stream(environment.get("PATH").split(":"))
        .anyMatch(dir -> Files.isExecutable(image.file(dir + "/java"))), "java on the image's PATH");

    List<Path> classpath = Arrays.stream(Files.readString(image.file("/app/jib-classpath-file")).strip().split(":"))
        .map(image::file).toList();
    classpath.forEach(entry -> assertTrue(Files.exists(entry), entry + " on the classpath"));
    String mainClass = NodeCommandLine.MAIN_CLASS.replace('.', '/') + ".class";
    assertTrue(classpath.stream().anyMatch(entry -> Files.exists(entry.resolve(mainClass))), mainClass);
    String configFile = environment.get("CONCIERGE_CONFIG") + ".conf";
    assertTrue(classpath.stream().anyMatch(entry -> Files.exists(entry.resolve(configFile))), configFile);
  }

  @Test
  void theImageExposesTheHttpRemotingAndManagementPortsOfItsDefaultConfiguration() {
    Map<String, String> environment = image.environment();
    NodePorts ports = NodePorts.of(environment.get("CONCIERGE_CONFIG"), environment);

    Set<String> exposed = new TreeSet<>();
    image.config().get("ExposedPorts").fieldNames().forEachRemaining(exposed::add);

    assertEquals(new TreeSet<>(Set.of(ports.httpPort() + "/tcp", ports.remotePort() + "/tcp",
        ports.managementPort() + "/tcp")), exposed);
    assertEquals("0.0.0.0", ports.httpHost(), "inside a container the API must listen beyond loopback");
  }

  @Test
  void everyCommandComposeGivesTheToolsParsesWithTheirCommandLine() {
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
    int tools = 0;
    for (JsonNode service : services) {
      if (!NODE_IMAGE.equals(service.path("image").asText()) || !service.has("entrypoint")) {
        continue;
      }
      tools++;
      String launcher = service.get("entrypoint").get(0).asText();
      assertTrue(Files.isExecutable(mountedFile(service, launcher)), launcher + " is the distribution's launcher");
      String[] args = strings(service.get("command")).toArray(String[]::new);
      Concierge.commandLine(discard, discard, Map.of()).parseArgs(args);
    }
    assertTrue(tools > 0, "compose runs the tools' setup");
  }

  @Test
  void theNodeServiceRunsTheImagesEntrypointWithAConfigurationTheImageHolds() {
    assertEquals(NODE_IMAGE, node.get("image").asText());
    assertNull(node.get("entrypoint"));
    assertNull(node.get("command"), "Main takes no arguments");
    String config = nodeEnvironment().get("CONCIERGE_CONFIG") + ".conf";
    assertTrue(Files.exists(image.file("/app/resources/" + config)), config);
  }

  @Test
  void theSetupRunsBeforeTheNode() {
    assertEquals("service_completed_successfully", node.get("depends_on").get("setup").get("condition").asText());
  }

  @Test
  void theAdminTokenComesFromTheEnvironmentAndIsRequired() {
    String token = node.get("environment").get("CONCIERGE_ADMIN_TOKEN").asText();

    assertTrue(REQUIRED_VARIABLE.matcher(token).matches(), token);
  }

  @Test
  void kafkaIsTheLaunchersVersion() throws IOException {
    assertEquals("apache/kafka:" + launcherDefault(LAUNCHER_KAFKA, "bin/lib/kafka.sh"),
        services.get("kafka").get("image").asText());
  }

  @Test
  void theNodeTalksToTheKafkaBrokerAtTheAddressTheBrokerAdvertises() {
    String advertised = services.get("kafka").get("environment").get("KAFKA_ADVERTISED_LISTENERS").asText();

    assertEquals("PLAINTEXT://" + nodeEnvironment().get("CONCIERGE_KAFKA_BOOTSTRAP"), advertised);
  }

  @Test
  void theNodeTalksToCassandraOnItsServiceNameAndNativePortInTheDatacenterTheDriverExpects() {
    assertEquals("cassandra:9042", nodeEnvironment().get("CONCIERGE_CASSANDRA_CONTACT_POINT"));
    String datacenter =
        ConfigFactory.load().getString("datastax-java-driver.basic.load-balancing-policy.local-datacenter");
    assertEquals(datacenter, services.get("cassandra").get("environment").get("CASSANDRA_DC").asText());
  }

  @Test
  void theHttpPortTheNodeListensOnIsPublishedOnLoopback() {
    Map<String, String> environment = nodeEnvironment();
    NodePorts ports = NodePorts.of(environment.get("CONCIERGE_CONFIG"), environment);

    assertEquals("127.0.0.1:" + ports.httpPort() + ":" + ports.httpPort(), node.get("ports").get(0).asText());
    assertEquals("0.0.0.0", ports.httpHost(), "inside a container the API must listen beyond loopback");
  }

  @Test
  void theNodeWaitsForHealthyServices() {
    assertEquals("service_healthy", node.get("depends_on").get("kafka").get("condition").asText());
    assertEquals("service_healthy", node.get("depends_on").get("cassandra").get("condition").asText());
    assertTrue(services.get("kafka").has("healthcheck") && services.get("cassandra").has("healthcheck"));
  }

  /** The node container's variables: the image's, then compose's over them. */
  private Map<String, String> nodeEnvironment() {
    Map<String, String> environment = new HashMap<>(image.environment());
    node.get("environment").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
    return environment;
  }

  /** The file on this machine that a service's volume mounts at {@code path}. */
  private static Path mountedFile(JsonNode service, String path) {
    for (String volume : strings(service.get("volumes"))) {
      String[] parts = volume.split(":");
      if (parts[0].startsWith(".") && path.startsWith(parts[1] + "/")) {
        return REPO.resolve(parts[0]).resolve(path.substring(parts[1].length() + 1));
      }
    }
    throw new AssertionError(path + " is mounted from no directory of the repository");
  }

  /** A sh command line with its $VARIABLES expanded and split into words, as sh does it unquoted. */
  private static List<String> expand(String commandLine, Map<String, String> environment) {
    Matcher variable = VARIABLE.matcher(commandLine);
    return words(variable.replaceAll(m -> Matcher.quoteReplacement(environment.getOrDefault(m.group(1), ""))));
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }

  private static List<String> strings(JsonNode array) {
    List<String> strings = new ArrayList<>();
    array.forEach(item -> strings.add(item.asText()));
    return strings;
  }

  private static String launcherDefault(Pattern pattern, String script) throws IOException {
    Matcher matcher = pattern.matcher(Files.readString(REPO.resolve(script)));
    assertTrue(matcher.find(), pattern + " in " + script);
    return matcher.group(1);
  }

  private static JsonNode compose() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(REPO.resolve("docker-compose.yml").toFile());
    } catch (IOException e) {
      throw new AssertionError("docker-compose.yml does not parse", e);
    }
  }
}
