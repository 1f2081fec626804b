package dev.concierge.kubernetes;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Map;

/**
 * The configuration a node in Kubernetes runs with (kubernetes.conf, as CONCIERGE_CONFIG=kubernetes selects it),
 * with the environment given here instead of the test JVM's: {@code ${?VAR}} finds a root key before it looks at
 * the environment.
 */
public final class KubernetesConfig {

  public static final String RESOURCE = "kubernetes.conf";

  private KubernetesConfig() {}

  public static Config load(Map<String, String> environment) {
    ConfigFactory.invalidateCaches();
    return ConfigFactory.parseResources(RESOURCE)
        .withFallback(ConfigFactory.defaultReferenceUnresolved())
        .withFallback(ConfigFactory.parseMap(environment))
        .resolve();
  }
}
