package dev.concierge.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** kubernetes.conf: bootstrap instead of seeds, cluster traffic over mutual TLS, Kafka and Cassandra secured. */
class KubernetesConfigTest {

  private static final Map<String, String> TLS_PASSWORDS = Map.of(
      "CONCIERGE_REMOTE_KEY_STORE_PASSWORD", "key-store-secret",
      "CONCIERGE_REMOTE_TRUST_STORE_PASSWORD", "trust-store-secret");
  // every Kafka client the node makes takes its properties from one of these
  private static final List<String> KAFKA_CLIENTS = List.of(
      "concierge.kafka.consumer.kafka-clients", "concierge.kafka.producer.kafka-clients",
      "concierge.decisions.log.producer", "concierge.triggers.log.producer");

  @Test
  void theClusterFormsThroughBootstrapOnTheKubernetesApiWithoutSeedNodes() {
    Config config = KubernetesConfig.load(TLS_PASSWORDS);

    assertTrue(config.getBoolean("concierge.cluster.bootstrap"));
    assertFalse(config.getBoolean("concierge.cluster.join-self"));
    assertEquals(List.of(), config.getStringList("pekko.cluster.seed-nodes"));
    assertEquals("kubernetes-api",
        config.getString("pekko.management.cluster.bootstrap.contact-point-discovery.discovery-method"));
  }

  @Test
  void clusterTrafficIsTlsWithMutualAuthenticationAndTheNodeDoesNotStartWithoutItsStorePasswords() {
    Config config = KubernetesConfig.load(TLS_PASSWORDS);

    assertEquals("tls-tcp", config.getString("pekko.remote.artery.transport"));
    Config ssl = config.getConfig("pekko.remote.artery.ssl.config-ssl-engine");
    assertTrue(ssl.getBoolean("require-mutual-authentication"));
    assertEquals("key-store-secret", ssl.getString("key-store-password"));
    assertEquals("key-store-secret", ssl.getString("key-password"));
    assertEquals("trust-store-secret", ssl.getString("trust-store-password"));
    ConfigException missing = assertThrows(ConfigException.class, () -> KubernetesConfig.load(Map.of()));
    assertTrue(missing.getMessage().contains("CONCIERGE_REMOTE_KEY_STORE_PASSWORD"), missing.getMessage());
  }

  @Test
  void everyKafkaClientGetsTheSecuritySettingsOfTheEnvironmentAndNoneWithoutThem() {
    Config secured = withTlsPasswords(Map.of(
        "CONCIERGE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
        "CONCIERGE_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
        "CONCIERGE_KAFKA_SASL_JAAS_CONFIG", "jaas-line",
        "CONCIERGE_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/concierge/tls/kafka-truststore.p12"));
    Config plain = KubernetesConfig.load(TLS_PASSWORDS);

    for (String client : KAFKA_CLIENTS) {
      Config properties = secured.getConfig(client);
      assertEquals("SASL_SSL", properties.getString("security.protocol"), client);
      assertEquals("SCRAM-SHA-512", properties.getString("sasl.mechanism"), client);
      assertEquals("jaas-line", properties.getString("sasl.jaas.config"), client);
      assertEquals("/etc/concierge/tls/kafka-truststore.p12", properties.getString("ssl.truststore.location"), client);
      assertFalse(plain.getConfig(client).hasPath("security.protocol"), client + " without the variables");
    }
    assertEquals("all", secured.getString("concierge.kafka.producer.kafka-clients.acks"),
        "the security settings add to the producer's own, they do not replace them");
  }

  @Test
  void cassandraTakesCredentialsAndTlsFromTheEnvironment() {
    Config driver = withTlsPasswords(Map.of(
        "CONCIERGE_CASSANDRA_AUTH_PROVIDER", "PlainTextAuthProvider",
        "CONCIERGE_CASSANDRA_USERNAME", "concierge",
        "CONCIERGE_CASSANDRA_PASSWORD", "cassandra-secret",
        "CONCIERGE_CASSANDRA_SSL_ENGINE_FACTORY", "DefaultSslEngineFactory"))
        .getConfig("datastax-java-driver.advanced");

    assertEquals("PlainTextAuthProvider", driver.getString("auth-provider.class"));
    assertEquals("concierge", driver.getString("auth-provider.username"));
    assertEquals("cassandra-secret", driver.getString("auth-provider.password"));
    assertEquals("DefaultSslEngineFactory", driver.getString("ssl-engine-factory.class"));
    assertTrue(driver.getBoolean("ssl-engine-factory.hostname-validation"));
    assertFalse(KubernetesConfig.load(TLS_PASSWORDS).hasPath("datastax-java-driver.advanced.ssl-engine-factory.class"),
        "no TLS to Cassandra unless asked for");
  }

  private static Config withTlsPasswords(Map<String, String> variables) {
    Map<String, String> environment = new HashMap<>(TLS_PASSWORDS);
    environment.putAll(variables);
    return KubernetesConfig.load(environment);
  }
}
