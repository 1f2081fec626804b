package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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

  /**
   * HTTP and the customers run on the default dispatcher of at least 8 threads, sharding on Pekko's internal one
   * (measured faster than sharing); Kafka's clients and the Cassandra journal keep their own.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"application", "dev", "local1"})
  void decisionsRunOnTheDefaultDispatcherOfAtLeastEightThreadsApartFromShardingKafkaAndCassandra(String resource) {
    Config config = load(resource);
    String decisions = "pekko.actor.default-dispatcher";

    assertEquals(decisions, config.getString("pekko.stream.materializer.dispatcher"), "the HTTP server's streams");
    assertEquals("pekko.actor.internal-dispatcher", config.getString("pekko.cluster.sharding.use-dispatcher"),
        "shard regions and shards");
    Config threads = config.getConfig(decisions + ".fork-join-executor");
    assertEquals("fork-join-executor", config.getString(decisions + ".executor"));
    assertEquals(8, threads.getInt("parallelism-min"));
    assertEquals(1.0, threads.getDouble("parallelism-factor"));
    for (String own : List.of(
        "pekko.kafka.producer.use-dispatcher", "pekko.kafka.consumer.use-dispatcher",
        "pekko.persistence.cassandra.journal.plugin-dispatcher", "pekko.persistence.cassandra.session-dispatcher")) {
      assertFalse(config.getString(own).equals(decisions), own + " keeps a dispatcher of its own");
    }
  }

  /**
   * Each module's reference.conf sets some of Pekko's keys (the shard count, the HTTP server limits, the
   * Kryo serializer). They hold only while the module's jar comes before the library's on the classpath,
   * so the module poms declare the Concierge modules first; this catches a reordering.
   */
  @Test
  void everyPekkoSettingOfAConciergeModuleWinsOverTheLibraryDefault() throws IOException {
    Config effective = ConfigFactory.defaultReference();
    List<String> checked = new ArrayList<>();
    for (URL reference : Collections.list(NodeConfigTest.class.getClassLoader().getResources("reference.conf"))) {
      if (!reference.toString().contains("/concierge-") && !reference.toString().matches(".*/(persistence|engine|api)/target/classes/.*")) {
        continue;
      }
      ConfigValue pekko = ConfigFactory.parseURL(reference).root().get("pekko");
      if (pekko != null) {
        compareLeaves("pekko", pekko, effective, reference, checked);
      }
    }
    assertTrue(checked.contains("pekko.cluster.sharding.number-of-shards"), "engine's settings were checked: " + checked);
    assertTrue(checked.contains("pekko.http.server.parsing.max-content-length"), "api's settings were checked: " + checked);
    assertTrue(checked.contains("pekko.persistence.journal.plugin"), "persistence's settings were checked: " + checked);
  }

  /** Every plain value under {@code path} equals the effective one; substitutions are not plain values. */
  private static void compareLeaves(String path, ConfigValue value, Config effective, URL reference, List<String> checked) {
    if (value instanceof ConfigObject object) {
      object.forEach((key, child) -> compareLeaves(path + "." + ConfigUtil.quoteString(key).replaceAll("^\"([\\w-]+)\"$", "$1"), child, effective, reference, checked));
      return;
    }
    Object own;
    try {
      own = value.unwrapped();
    } catch (ConfigException.NotResolved substitution) {
      return;
    }
    assertEquals(own, effective.getValue(path).unwrapped(), path + " from " + reference);
    checked.add(path);
  }

  private static Config load(String resource) {
    ConfigFactory.invalidateCaches();
    return ConfigFactory.load(resource);
  }
}
