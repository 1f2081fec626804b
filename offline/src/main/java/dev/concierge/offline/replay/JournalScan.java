package dev.concierge.offline.replay;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The journal's messages table read whole, by token range: the Murmur3 token ring cut into slices of
 * equal width, each slice one paged range query whose rows come partition by partition, each partition in
 * sequence order. Cassandra serves a range query from its files in token order, so the table is read
 * once, front to back, whatever the number of customers; a query per customer would pay a round trip
 * and a partition look-up for each. Payloads are decoded inside each slice's stream, a page at a time.
 */
final class JournalScan {

  private static final String COLUMNS = "persistence_id, partition_nr, sequence_nr, ser_id, ser_manifest, event";

  private JournalScan() {}

  /** The slices' streams of pages, in token order; blocks until Cassandra has prepared the query. */
  static List<Source<List<StoredEvent>, NotUsed>> slices(
      CassandraSession session, JournalTable table, EventCodec codec, JournalEventSource.Settings settings) {
    CqlSession cql = await(session.underlying(), settings.connectTimeout(), "connecting to Cassandra");
    PreparedStatement select = await(session.prepare(
            "SELECT " + COLUMNS + " FROM " + table.qualifiedName()
                + " WHERE token(persistence_id, partition_nr) > ? AND token(persistence_id, partition_nr) <= ?"),
        settings.connectTimeout(), "preparing the scan of " + table);
    List<Source<List<StoredEvent>, NotUsed>> slices = new ArrayList<>();
    long[] bounds = bounds(settings.tokenRanges());
    for (int slice = 0; slice + 1 < bounds.length; slice++) {
      Statement<?> range = select.bind(bounds[slice], bounds[slice + 1])
          .setPageSize(settings.pageSize())
          .setExecutionProfileName(table.readProfile());
      slices.add(pages(cql, range).map(page -> stored(page, codec)));
    }
    return slices;
  }

  /**
   * The pages of a query as the driver fetches them, the next only when the stream wants it: a page,
   * not a row, is the stream's element, so the stream's own work is per page.
   */
  private static Source<AsyncResultSet, NotUsed> pages(CqlSession cql, Statement<?> statement) {
    return Source.unfoldAsync(Optional.<AsyncResultSet>empty(), previous -> {
      if (previous.isPresent() && !previous.get().hasMorePages()) {
        return CompletableFuture.completedStage(Optional.empty());
      }
      CompletionStage<AsyncResultSet> next =
          previous.isPresent() ? previous.get().fetchNextPage() : cql.executeAsync(statement);
      return next.thenApply(page -> Optional.of(Pair.create(Optional.of(page), page)));
    });
  }

  private static List<StoredEvent> stored(AsyncResultSet page, EventCodec codec) {
    List<StoredEvent> events = new ArrayList<>(page.remaining());
    for (Row row : page.currentPage()) {
      events.add(stored(row, codec));
    }
    return events;
  }

  /**
   * The bounds of {@code slices} ranges (lower exclusive, upper inclusive) of equal width over the
   * Murmur3 ring, Cassandra's default partitioner: tokens are the longs above {@link Long#MIN_VALUE},
   * which no key hashes to. No range wraps around, which CQL could not ask for.
   */
  static long[] bounds(int slices) {
    long width = Long.divideUnsigned(-1L, slices);
    long[] bounds = new long[slices + 1];
    for (int slice = 0; slice < slices; slice++) {
      bounds[slice] = Long.MIN_VALUE + slice * width;
    }
    bounds[slices] = Long.MAX_VALUE;
    return bounds;
  }

  private static StoredEvent stored(Row row, EventCodec codec) {
    String persistenceId = row.getString(0);
    long partitionNr = row.getLong(1);
    long sequenceNr = row.getLong(2);
    ByteBuffer bytes = row.getByteBuffer(5);
    if (bytes == null) {
      return new StoredEvent(
          persistenceId, partitionNr, sequenceNr, new StoredEvent.Undecodable("the row has no event"), null);
    }
    byte[] stored = new byte[bytes.remaining()];
    bytes.get(stored);
    String manifest = row.getString(4);
    // most payloads have none: no string object of their own for each row the sort holds
    EventCodec.Payload payload = new EventCodec.Payload(row.getInt(3), manifest == null || manifest.isEmpty() ? "" : manifest, stored);
    try {
      return new StoredEvent(persistenceId, partitionNr, sequenceNr, codec.decode(payload), payload);
    } catch (IllegalArgumentException e) {
      return new StoredEvent(persistenceId, partitionNr, sequenceNr, new StoredEvent.Undecodable(e.getMessage()), null);
    }
  }

  private static <T> T await(CompletionStage<T> stage, Duration timeout, String what) {
    try {
      return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReplaySourceException("interrupted while " + what, e);
    } catch (ExecutionException e) {
      throw new ReplaySourceException(what + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new ReplaySourceException(what + " took more than " + timeout + ": is Cassandra up?", e);
    }
  }
}
