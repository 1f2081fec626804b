package dev.concierge.offline.replay;

import com.typesafe.config.Config;

/**
 * Where and how the Pekko Persistence Cassandra journal keeps events, as its plugin configuration says:
 * the messages table is partitioned by (persistence_id, partition_nr) and clustered by sequence_nr,
 * each customer's events starting a new partition every {@code targetPartitionSize} sequence numbers.
 */
record JournalTable(String keyspace, String table, String readProfile, long targetPartitionSize) {

  private static final String PLUGIN = "pekko.persistence.cassandra";

  static JournalTable fromConfig(Config config) {
    Config plugin = config.getConfig(PLUGIN);
    return new JournalTable(
        plugin.getString("journal.keyspace"),
        plugin.getString("journal.table"),
        plugin.getString("read-profile"),
        plugin.getLong("journal.target-partition-size"));
  }

  /** The config path of the plugin's own Cassandra session, shared with a journal running in the same system. */
  static String sessionConfigPath() {
    return PLUGIN;
  }

  String qualifiedName() {
    return '"' + keyspace + "\".\"" + table + '"';
  }

  @Override
  public String toString() {
    return keyspace + "." + table;
  }
}
