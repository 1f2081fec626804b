package dev.concierge;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.models.CatalogItem;
import java.util.List;

/**
 * What most node tests start from: a node on a namespace of its own (topics, group, keyspace) whose
 * catalog topic holds {@code catalog}, and a Kafka client on those topics. Closing it stops both.
 */
final class CatalogNode implements AutoCloseable {

  private final TestNode.Namespace namespace;
  private final Config settings;
  private final TestKafka kafka;
  private TestNode node;

  private CatalogNode(TestNode.Namespace namespace, Config settings, TestKafka kafka, TestNode node) {
    this.namespace = namespace;
    this.settings = settings;
    this.kafka = kafka;
    this.node = node;
  }

  static CatalogNode start(List<CatalogItem> catalog) {
    return start(catalog, ConfigFactory.empty());
  }

  /** As {@link #start(List)}, with {@code settings} over the test configuration. */
  static CatalogNode start(List<CatalogItem> catalog, Config settings) {
    TestNode.Namespace namespace = TestNode.Namespace.unique();
    TestKafka kafka = new TestKafka(TestNode.prepareTopics(namespace));
    kafka.loadCatalog(catalog);
    return new CatalogNode(namespace, settings, kafka, TestNode.start(namespace, settings));
  }

  TestNode node() {
    return node;
  }

  TestKafka kafka() {
    return kafka;
  }

  /** Stops the node and starts another on the same namespace: the same topics, group and journal. */
  TestNode restart() {
    node.close();
    node = TestNode.start(namespace, settings);
    return node;
  }

  @Override
  public void close() {
    try {
      node.close();
    } finally {
      kafka.close();
    }
  }
}
