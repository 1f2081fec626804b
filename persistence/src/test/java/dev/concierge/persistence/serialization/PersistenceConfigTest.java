package dev.concierge.persistence.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** This module's reference.conf wins over the plugins' own defaults and parses as one config. */
class PersistenceConfigTest {

  private static final String CONTACT_POINT_VARIABLE = "CONCIERGE_CASSANDRA_CONTACT_POINT";

  private final Config config = ConfigFactory.load();

  @Test
  void journalAndSnapshotsGoToCassandraInTheConciergeKeyspace() {
    assertEquals("pekko.persistence.cassandra.journal", config.getString("pekko.persistence.journal.plugin"));
    assertEquals("pekko.persistence.cassandra.snapshot", config.getString("pekko.persistence.snapshot-store.plugin"));
    assertEquals("concierge", config.getString("pekko.persistence.cassandra.journal.keyspace"));
    assertEquals("concierge", config.getString("pekko.persistence.cassandra.snapshot.keyspace"));
  }

  @Test
  void schemaIsNotCreatedAutomaticallyByDefault() {
    for (String store : List.of("journal", "snapshot")) {
      Config settings = config.getConfig("pekko.persistence.cassandra." + store);
      assertFalse(settings.getBoolean("keyspace-autocreate"), store);
      assertFalse(settings.getBoolean("tables-autocreate"), store);
    }
  }

  @Test
  void eventsAreNotTagged() {
    assertFalse(config.getBoolean("pekko.persistence.cassandra.events-by-tag.enabled"));
  }

  @Test
  void driverWaitsForCassandraInOneLocalDatacenter() {
    Config driver = config.getConfig("datastax-java-driver");
    assertEquals("datacenter1", driver.getString("basic.load-balancing-policy.local-datacenter"));
    assertEquals(Duration.ofSeconds(5), driver.getDuration("basic.request.timeout"));
    assertTrue(driver.getBoolean("advanced.reconnect-on-init"));
  }

  @Test
  void driverContactsLocalCassandraUnlessTheEnvironmentSaysOtherwise() {
    String expected = System.getenv().getOrDefault(CONTACT_POINT_VARIABLE, "127.0.0.1:9042");

    assertEquals(List.of(expected), config.getStringList("datastax-java-driver.basic.contact-points"));
  }

  @Test
  void oneSettingMovesTheDriverToAnotherContactPoint() {
    Config node =
        ConfigFactory.load(ConfigFactory.parseString("concierge.cassandra.contact-point = \"10.0.0.7:9042\""));

    assertEquals(List.of("10.0.0.7:9042"), node.getStringList("datastax-java-driver.basic.contact-points"));
  }

  @Test
  void persistedTypesAndMarkedMessagesAreBoundToKryo() {
    Config bindings = config.getConfig("pekko.actor.serialization-bindings");
    for (String type : List.of(
        "dev.concierge.persistence.serialization.KryoSerializable",
        "dev.concierge.models.EventRecorded",
        "dev.concierge.models.CustomerSnapshot",
        "dev.concierge.models.CustomerFeatures",
        "dev.concierge.models.HistoryMerged")) {
      assertEquals("concierge-kryo", bindings.getString("\"" + type + "\""), type);
    }
    assertEquals(KryoSerializer.class.getName(), config.getString("pekko.actor.serializers.concierge-kryo"));
  }
}
