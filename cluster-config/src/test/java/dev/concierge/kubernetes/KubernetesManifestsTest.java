package dev.concierge.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import dev.concierge.api.OpenApiDocument;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The manifests under cluster-config/k8s agree with the code and configuration the image runs. */
class KubernetesManifestsTest {

  // the Jib build's image (cluster-config's pom); the tag is the deployer's choice
  private static final String IMAGE = "concierge-node";
  // read by the image's start (it selects kubernetes.conf) and by the JVM itself, not by the HOCON
  private static final Set<String> READ_OUTSIDE_THE_CONFIG = Set.of("CONCIERGE_CONFIG", "JAVA_TOOL_OPTIONS");

  private final Manifests manifests = Manifests.read();

  @Test
  void theContainerRunsTheImageTheBuildMakesWithTheKubernetesConfig() {
    JsonNode container = manifests.container();

    assertEquals(IMAGE, container.path("image").asText().split(":")[0]);
    assertEquals(KubernetesConfig.RESOURCE,
        manifests.environment().get("CONCIERGE_CONFIG").path("value").asText() + ".conf");
  }

  @Test
  void theContainerPortsAreTheOnesTheNodeListensOn() {
    Config config = KubernetesConfig.load(settings());

    assertEquals(
        Map.of("http", config.getInt("concierge.http.port"),
            "remoting", config.getInt("pekko.remote.artery.canonical.port"),
            "management", config.getInt("pekko.management.http.port")),
        containerPorts());
    assertEquals(config.getString("pekko.management.cluster.bootstrap.contact-point-discovery.port-name"),
        "management", "bootstrap finds its peers' contact points by this port name");
  }

  /** Each variable is given a value of its own; each value must show in the configuration the node resolves. */
  @Test
  void everyVariableTheManifestsSetIsReadByTheConfiguration() {
    Map<String, String> markers = new HashMap<>();
    manifests.environment().keySet().stream()
        .filter(name -> !READ_OUTSIDE_THE_CONFIG.contains(name))
        .forEach(name -> markers.put(name, "set-by-" + name));
    String rendered = renderedWithout(KubernetesConfig.load(markers), markers.keySet());

    Set<String> unread = new TreeSet<>();
    markers.forEach((name, marker) -> {
      if (!rendered.contains(marker)) {
        unread.add(name);
      }
    });
    assertEquals(Set.of(), unread, "variables the manifests set that no setting reads");
  }

  @Test
  void theProbesAskDocumentedHealthRoutesOnTheManagementPort() {
    JsonNode container = manifests.container();
    JsonNode paths = OpenApiDocument.load().tree().path("paths");

    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      JsonNode get = container.path(probe).path("httpGet");
      assertTrue(paths.has(get.path("path").asText()), probe + " asks " + get.path("path") + ", which is no route");
      assertEquals("management", get.path("port").asText(), probe + " is on the management port");
    }
    assertEquals("/health/alive", container.path("livenessProbe").path("httpGet").path("path").asText());
    assertEquals("/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
  }

  @Test
  void thePodsServiceAccountIsBoundToARoleThatReadsPods() {
    JsonNode role = manifests.one("Role");
    JsonNode binding = manifests.one("RoleBinding");
    String account = manifests.one("ServiceAccount").path("metadata").path("name").asText();

    assertEquals(account, manifests.one("Deployment").path("spec").path("template").path("spec")
        .path("serviceAccountName").asText());
    assertEquals(account, binding.path("subjects").get(0).path("name").asText());
    assertEquals("Role", binding.path("roleRef").path("kind").asText());
    assertEquals(role.path("metadata").path("name").asText(), binding.path("roleRef").path("name").asText());
    JsonNode rule = role.path("rules").get(0);
    assertEquals(List.of("pods"), texts(rule.path("resources")));
    assertEquals(Set.of("get", "watch", "list"), Set.copyOf(texts(rule.path("verbs"))));
  }

  @Test
  void theBudgetTheServiceAndBootstrapAllSelectTheDeploymentsPods() {
    JsonNode deployment = manifests.one("Deployment");
    JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
    Config config = KubernetesConfig.load(settings());

    assertEquals(podLabels, manifests.one("PodDisruptionBudget").path("spec").path("selector").path("matchLabels"));
    assertEquals(podLabels, manifests.one("Service").path("spec").path("selector"));
    assertEquals(podLabels, deployment.path("spec").path("selector").path("matchLabels"));
    String selector = config.getString("pekko.discovery.kubernetes-api.pod-label-selector").formatted(
        config.getString("pekko.management.cluster.bootstrap.contact-point-discovery.service-name"));
    String[] label = selector.split("=");
    assertEquals(label[1], podLabels.path(label[0]).asText(), "Cluster Bootstrap looks for pods " + selector);
    assertTrue(deployment.path("spec").path("replicas").asInt()
            >= config.getInt("pekko.management.cluster.bootstrap.contact-point-discovery.required-contact-point-nr"),
        "enough pods to form a cluster");
  }

  /** SIGTERM comes after preStop; every coordinated-shutdown phase may take its whole timeout, one after another. */
  @Test
  void theGracePeriodCoversPreStopAndEveryShutdownPhase() {
    JsonNode pod = manifests.one("Deployment").path("spec").path("template").path("spec");
    Config shutdown = KubernetesConfig.load(settings()).getConfig("pekko.coordinated-shutdown");
    Duration defaultTimeout = shutdown.getDuration("default-phase-timeout");
    ConfigObject phases = shutdown.getObject("phases");
    Duration phasesAtMost = phases.keySet().stream()
        .map(phase -> shutdown.getConfig("phases").getConfig("\"" + phase + "\""))
        .map(phase -> phase.hasPath("timeout") ? phase.getDuration("timeout") : defaultTimeout)
        .reduce(Duration.ZERO, Duration::plus);
    Duration preStop = Duration.ofSeconds(manifests.container().path("lifecycle").path("preStop").path("sleep")
        .path("seconds").asLong());

    Duration grace = Duration.ofSeconds(pod.path("terminationGracePeriodSeconds").asLong());
    assertTrue(preStop.toSeconds() > 0, "preStop leaves the Service time to drop the pod");
    assertTrue(grace.compareTo(preStop.plus(phasesAtMost)) > 0,
        grace + " must exceed preStop " + preStop + " + shutdown phases " + phasesAtMost);
  }

  @Test
  void theKeyStoresAreReadFromTheMountedSecret() {
    String mounted = manifests.container().path("volumeMounts").get(0).path("mountPath").asText();
    Config config = KubernetesConfig.load(settings());

    for (String store : List.of("key-store", "trust-store")) {
      String path = config.getString("pekko.remote.artery.ssl.config-ssl-engine." + store);
      assertTrue(path.startsWith(mounted + "/"), store + " " + path + " is not under " + mounted);
    }
    manifests.environment().forEach((name, variable) -> {
      if (name.matches(".*_(STORE|TRUSTSTORE_PATH|TRUSTSTORE_LOCATION)")) {
        assertTrue(variable.path("value").asText().startsWith(mounted + "/"), name + " is not under " + mounted);
      }
    });
  }

  @Test
  void theKustomizationAppliesEveryManifest() {
    Set<String> applied = Set.copyOf(texts(manifests.one("Kustomization").path("resources")));

    assertEquals(
        manifests.files().stream().filter(file -> !file.equals("kustomization.yaml")).collect(TreeSet::new, Set::add, Set::addAll),
        new TreeSet<>(applied));
  }

  /** What the manifests set, as the node would see it: the TLS passwords the configuration requires. */
  private Map<String, String> settings() {
    return Map.of(
        "CONCIERGE_REMOTE_KEY_STORE_PASSWORD", "secret",
        "CONCIERGE_REMOTE_TRUST_STORE_PASSWORD", "secret",
        "CONCIERGE_REMOTE_KEY_STORE", "/etc/concierge/tls/remote-keystore.p12",
        "CONCIERGE_REMOTE_TRUST_STORE", "/etc/concierge/tls/remote-truststore.p12");
  }

  private Map<String, Integer> containerPorts() {
    Map<String, Integer> ports = new HashMap<>();
    manifests.container().path("ports").forEach(port ->
        ports.put(port.path("name").asText(), port.path("containerPort").asInt()));
    return ports;
  }

  /** The configuration as text, without the root keys that stand in for the environment. */
  private static String renderedWithout(Config config, Set<String> variables) {
    Config settings = config;
    for (String variable : variables) {
      settings = settings.withoutPath(variable);
    }
    return settings.root().render(ConfigRenderOptions.concise());
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
