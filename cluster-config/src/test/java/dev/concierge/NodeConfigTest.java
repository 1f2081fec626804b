package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The configuration a node really runs with, on the node's own classpath, where several libraries
 * bring a reference.conf for the same keys and the first one on the classpath wins.
 */
class NodeConfigTest {

  private static final List<String> SEEDS = List.of(
      "pekko://concierge@127.0.0.1:2551", "pekko://concierge@127.0.0.1:2552", "pekko://concierge@127.0.0.1:2553");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"application", "dev", "local1"})
  void customersAreJournalledToCassandraWithoutTags(String resource) {
    Config config = load(resource);

    assertEquals("pekko.persistence.cassandra.journal", config.getString("pekko.persistence.journal.plugin"));
    assertEquals("pekko.persistence.cassandra.snapshot", config.getString("pekko.persistence.snapshot-store.plugin"));
    assertFalse(config.getBoolean("pekko.persistence.cassandra.events-by-tag.enabled"));
  }

  @ParameterizedTest(name = "local{0}")
  @ValueSource(ints = {1, 2, 3})
  void eachLocalNodeHasItsOwnPortsOn127001AndTheSameSeeds(int node) {
    Config config = load("local" + node);

    assertEquals(8080 + node, config.getInt("concierge.http.port"));
    assertEquals(2550 + node, config.getInt("pekko.remote.artery.canonical.port"));
    assertEquals(8557 + node, config.getInt("pekko.management.http.port"));
    assertEquals("127.0.0.1", config.getString("concierge.http.interface"));
    assertEquals("127.0.0.1", config.getString("pekko.remote.artery.canonical.hostname"));
    assertEquals("127.0.0.1", config.getString("pekko.management.http.hostname"));
    assertEquals(SEEDS, config.getStringList("pekko.cluster.seed-nodes"));
    assertFalse(config.getBoolean("concierge.cluster.join-self"), "a local node joins the seeds");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"application", "local2"})
  void theClusterKeepsTheMajorityAndBalancesWithinLimits(String resource) {
    Config config = load(resource);

    assertEquals("keep-majority", config.getString("pekko.cluster.split-brain-resolver.active-strategy"));
    assertEquals(
        "org.apache.pekko.cluster.sbr.SplitBrainResolverProvider", config.getString("pekko.cluster.downing-provider-class"));
    assertEquals(100, config.getInt("pekko.cluster.sharding.number-of-shards"));
    assertTrue(config.getInt("pekko.cluster.sharding.least-shard-allocation-strategy.rebalance-absolute-limit") > 0,
        "the new least-shard algorithm is on only with an absolute limit");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "local3"})
  void localNodesCreateTheirTopicsAndSchemaButProductionDoesNot(String resource) {
    assertTrue(load(resource).getBoolean("concierge.kafka.create-topics"));
    assertTrue(load(resource).getBoolean("pekko.persistence.cassandra.journal.tables-autocreate"));
    assertFalse(load("application").getBoolean("concierge.kafka.create-topics"));
    assertFalse(load("application").getBoolean("pekko.persistence.cassandra.journal.tables-autocreate"));
  }

  private static Config load(String resource) {
    ConfigFactory.invalidateCaches();
    return ConfigFactory.load(resource);
  }
}
