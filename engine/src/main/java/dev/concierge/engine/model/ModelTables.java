package dev.concierge.engine.model;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;

/**
 * The Cassandra tables of the models, in one keyspace beside the journal: the published bundles and
 * the cluster's assignment. Dev and tests create them ({@code concierge.models.store.create-schema});
 * production provisions them with its own replication.
 */
public final class ModelTables {

  private final CassandraSession session;
  private final String keyspace;
  private final boolean create;
  private final Executor executor;
  private volatile CompletionStage<Done> schema;

  /** @param create create the keyspace (one replica, for dev and tests) and the tables if missing */
  public ModelTables(CassandraSession session, String keyspace, boolean create, Executor executor) {
    this.session = session;
    this.keyspace = keyspace;
    this.create = create;
    this.executor = executor;
    this.schema = createSchema();
  }

  public CassandraSession session() {
    return session;
  }

  public String bundles() {
    return keyspace + ".model_bundles";
  }

  public String assignment() {
    return keyspace + ".model_assignment";
  }

  /** The schema, created once; a failed attempt (Cassandra down at start) is retried by the next call. */
  public CompletionStage<Done> ready() {
    CompletionStage<Done> current = schema;
    if (current.toCompletableFuture().isCompletedExceptionally()) {
      current = createSchema();
      schema = current;
    }
    return current;
  }

  private CompletionStage<Done> createSchema() {
    if (!create) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    return session
        .executeDDL(
            "CREATE KEYSPACE IF NOT EXISTS " + keyspace
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}")
        .thenComposeAsync(
            done ->
                session.executeDDL(
                    "CREATE TABLE IF NOT EXISTS " + bundles()
                        + " (version text PRIMARY KEY, kind text, published_at timestamp, metadata text, archive blob)"),
            executor)
        .thenComposeAsync(
            done ->
                session.executeDDL(
                    "CREATE TABLE IF NOT EXISTS " + assignment()
                        + " (id text PRIMARY KEY, generation bigint, assignment text)"),
            executor);
  }
}
