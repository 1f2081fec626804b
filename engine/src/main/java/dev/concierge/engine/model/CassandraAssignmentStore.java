package dev.concierge.engine.model;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.concierge.models.recommend.ModelAssignment;
import dev.concierge.persistence.json.ModelAssignmentJson;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;

/**
 * The cluster's model assignment in one row of a Cassandra table beside the bundles. A change is a
 * compare-and-set on the generation (a lightweight transaction), so that two nodes changing it at
 * once cannot both take the same generation: the one that loses reads the winner's and applies its
 * change to that.
 */
public final class CassandraAssignmentStore implements AssignmentStore {

  // the table holds one assignment, the cluster's
  private static final String ROW = "cluster";

  private final ModelTables tables;
  private final CassandraSession session;
  private final String table;
  private final ModelAssignmentJson json;
  private final Executor executor;

  public CassandraAssignmentStore(ModelTables tables, ModelAssignmentJson json, Executor executor) {
    this.tables = tables;
    this.session = tables.session();
    this.table = tables.assignment();
    this.json = json;
    this.executor = executor;
  }

  @Override
  public CompletionStage<AssignmentGeneration> current() {
    // a serial read sees the last compare-and-set that committed, whatever replica answers
    SimpleStatement read =
        SimpleStatement.newInstance("SELECT generation, assignment FROM " + table + " WHERE id = ?", ROW)
            .setConsistencyLevel(DefaultConsistencyLevel.SERIAL);
    return tables.ready().thenComposeAsync(
        done -> session.selectOne(read).thenApplyAsync(this::generationOf, executor), executor);
  }

  @Override
  public CompletionStage<AssignmentGeneration> change(UnaryOperator<ModelAssignment> edit) {
    return current().thenComposeAsync(
        stored -> {
          AssignmentGeneration next = stored.next(edit.apply(stored.assignment()));
          // a lost race means another change was stored: apply this one to that, as the generation after it
          return compareAndSet(stored, next).thenComposeAsync(
              applied -> applied ? CompletableFuture.completedFuture(next) : change(edit), executor);
        },
        executor);
  }

  /** Stores {@code next} if the stored generation is still {@code expected}'s. */
  private CompletionStage<Boolean> compareAndSet(AssignmentGeneration expected, AssignmentGeneration next) {
    CompletionStage<Optional<Row>> written =
        expected.number() == AssignmentGeneration.NONE.number()
            ? session.selectOne(
                "INSERT INTO " + table + " (id, generation, assignment) VALUES (?, ?, ?) IF NOT EXISTS",
                ROW, next.number(), json.write(next.assignment()))
            : session.selectOne(
                "UPDATE " + table + " SET generation = ?, assignment = ? WHERE id = ? IF generation = ?",
                next.number(), json.write(next.assignment()), ROW, expected.number());
    return written.thenApplyAsync(row -> row.map(r -> r.getBoolean("[applied]")).orElse(true), executor);
  }

  private AssignmentGeneration generationOf(Optional<Row> row) {
    return row
        .map(r -> new AssignmentGeneration(r.getLong("generation"), json.read(r.getString("assignment"))))
        .orElse(AssignmentGeneration.NONE);
  }
}
