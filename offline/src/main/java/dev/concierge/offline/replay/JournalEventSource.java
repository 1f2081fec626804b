package dev.concierge.offline.replay;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.models.EventRecorded;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.StreamConverters;

/**
 * The Cassandra journal, the system of record: every customer's persisted {@link EventRecorded} events, with the category recorded with each, read on the given
 * actor system's journal configuration (keyspace, table, contact points) and decoded by its serializers.
 *
 * <ul>
 *   <li><b>All customers</b>: the messages table is scanned by token range ({@link JournalScan}), a few
 *       ranges at a time, one pass whatever the number of customers.
 *   <li><b>Listed customers</b>: Pekko Persistence Query's {@code currentEventsByPersistenceId}, a few
 *       customers at a time.
 * </ul>
 *
 * <p>The journal is stored by customer, not by time, so the replay's time order needs every event
 * before the first can be yielded: {@link #open} reads the journal into an external sort ({@link
 * TimeOrderSort}) that holds {@code sort-buffer} events in memory and spills the rest to sorted files,
 * telling its {@link Progress} as it goes; the replay then merges them as it is pulled. Memory stays
 * flat whatever the journal's size; the disk holds about the journal's size while the replay is open.
 * The order is exactly the merge order of the other sources ({@link KeyedEvent}).
 *
 * <p>It is a snapshot in passing: events persisted while the journal is read may or may not be part
 * of the replay. The scan reads the rows as they are: it relies on the journal never deleting events
 * ({@code support-deletes = off}, see persistence's reference.conf), and on the customer entity
 * writing no other rows under its persistence ids than its events and the {@code HistoryMerged} that
 * completes a merge, which is left out: replay takes the merge over from the other customer's replayed
 * history at the merge event ({@code HistoryReplay}). Not {@code eventsByTag}: it has gaps and a delay
 * on Cassandra, and the entity writes no tags.
 */
public final class JournalEventSource implements EventSource {

  private static final String SETTINGS_PATH = "concierge.replay.journal";
  /** Events of a listed customer handed from the query's threads to the caller's at a time. */
  private static final int BATCH_ROWS = 500;
  private static final String DEFAULT_SPILL_DIRECTORY = System.getProperty("java.io.tmpdir");

  /**
   * How the journal is read; {@code concierge.replay.journal} in offline's reference.conf says what
   * each does.
   *
   * @param entityType  the customer entity's type name, the prefix of its persistence ids
   *                    ({@code CustomerEntity.ENTITY_KEY.name()} in engine)
   * @param customerIds only these customers; empty for all
   */
  public record Settings(
      String entityType, int tokenRanges, int parallelism, int pageSize, int customersAtATime, int sortBuffer,
      Path spillDirectory, Duration connectTimeout, List<String> customerIds) {

    public Settings {
      Objects.requireNonNull(entityType, "entityType");
      atLeastOne("token-ranges", tokenRanges);
      atLeastOne("parallelism", parallelism);
      atLeastOne("page-size", pageSize);
      atLeastOne("customers-at-a-time", customersAtATime);
      atLeastOne("sort-buffer", sortBuffer);
      customerIds = List.copyOf(customerIds);
    }

    /** The settings under {@code concierge.replay.journal} of {@code config}. */
    public static Settings fromConfig(Config config, String entityType) {
      Config journal = config.getConfig(SETTINGS_PATH);
      String spill = journal.getString("spill-directory");
      return new Settings(
          entityType, journal.getInt("token-ranges"), journal.getInt("parallelism"), journal.getInt("page-size"),
          journal.getInt("customers-at-a-time"), journal.getInt("sort-buffer"),
          Path.of(spill.isEmpty() ? DEFAULT_SPILL_DIRECTORY : spill), journal.getDuration("connect-timeout"),
          List.of());
    }

    /** The defaults of offline's reference.conf and the application's overrides. */
    public static Settings of(String entityType) {
      return fromConfig(ConfigFactory.load(), entityType);
    }

    /** Token ranges (or listed customers) read at the same time. */
    public Settings withParallelism(int atATime) {
      return new Settings(entityType, tokenRanges, atATime, pageSize, atATime, sortBuffer, spillDirectory,
          connectTimeout, customerIds);
    }

    public Settings withSortBuffer(int events) {
      return new Settings(entityType, tokenRanges, parallelism, pageSize, customersAtATime, events, spillDirectory,
          connectTimeout, customerIds);
    }

    public Settings withCustomers(List<String> only) {
      return new Settings(entityType, tokenRanges, parallelism, pageSize, customersAtATime, sortBuffer, spillDirectory,
          connectTimeout, only);
    }

    private static void atLeastOne(String name, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(SETTINGS_PATH + "." + name + " must be at least 1, was " + value);
      }
    }
  }

  /** Hears how far {@link #open} has read, on the thread that called it. */
  @FunctionalInterface
  public interface Progress {

    Progress NONE = (rows, partsDone, parts) -> { };

    /**
     * @param rows      journal rows read so far
     * @param partsDone token ranges (or listed customers) read to their end, of {@code parts}; rows are
     *                  spread evenly over token ranges, so {@code rows * parts / partsDone} estimates the total
     */
    void read(long rows, int partsDone, int parts);
  }

  private final ActorSystem<?> system;
  private final Settings settings;
  private final Progress progress;
  private final String persistenceIdPrefix;
  private final JournalTable table;

  public JournalEventSource(ActorSystem<?> system, Settings settings) {
    this(system, settings, Progress.NONE);
  }

  public JournalEventSource(ActorSystem<?> system, Settings settings, Progress progress) {
    this.system = system;
    this.settings = settings;
    this.progress = progress;
    this.persistenceIdPrefix = settings.entityType() + PersistenceId.DefaultSeparator();
    this.table = JournalTable.fromConfig(system.settings().config());
  }

  @Override
  public String description() {
    return "Cassandra journal " + table + " of " + settings.entityType()
        + (settings.customerIds().isEmpty() ? "" : " (" + settings.customerIds().size() + " customers)");
  }

  /** Blocks the calling thread until the whole range is read and sorted: never call it from an actor. */
  @Override
  public ReplayEvents open(TimeRange range) {
    ReplayCounters counters = new ReplayCounters();
    EventCodec codec = new EventCodec(system);
    TimeOrderSort sort = new TimeOrderSort(settings.sortBuffer(), settings.spillDirectory(), codec);
    try {
      JournalIntake intake = new JournalIntake(persistenceIdPrefix, range, counters, sort, table.targetPartitionSize());
      if (settings.customerIds().isEmpty()) {
        read(JournalScan.slices(CassandraSessionRegistry.get(system).sessionFor(JournalTable.sessionConfigPath()),
            table, codec, settings), settings.parallelism(), intake);
        Map<String, JournalIntake.Continuation> continuations = intake.continuations();
        if (!continuations.isEmpty()) {
          readCustomers(continuations, intake, codec);
        }
      } else {
        Map<String, JournalIntake.Continuation> all = new LinkedHashMap<>();
        settings.customerIds().forEach(customerId -> all.put(customerId, JournalIntake.Continuation.FROM_START));
        readCustomers(all, intake, codec);
      }
      counters.plannedEvents(sort.size());
      return new ReplayEvents(description(), range, sort.merged(), counters, new RedeliveryFilter(RedeliveryFilter.KEEP_ALL));
    } catch (RuntimeException e) {
      sort.close();
      throw e;
    }
  }

  private void readCustomers(
      Map<String, JournalIntake.Continuation> customers, JournalIntake intake, EventCodec codec) {
    CassandraReadJournal journal =
        PersistenceQuery.get(system).getReadJournalFor(CassandraReadJournal.class, CassandraReadJournal.Identifier());
    List<Source<List<StoredEvent>, NotUsed>> parts = new ArrayList<>();
    customers.forEach((customerId, from) -> {
      intake.resume(parts.size(), customerId, from);
      parts.add(journal.currentEventsByPersistenceId(persistenceIdPrefix + customerId, from.afterSequenceNr() + 1, Long.MAX_VALUE)
          .map(envelope -> new StoredEvent(envelope.persistenceId(), 0, envelope.sequenceNr(), envelope.event(),
              envelope.event() instanceof EventRecorded recorded ? codec.encode(recorded) : null))
          .grouped(BATCH_ROWS));
    });
    read(parts, settings.customersAtATime(), intake);
  }

  /** Runs the parts, {@code atATime} at once, and feeds their batches of rows to the intake on this thread. */
  private void read(List<Source<List<StoredEvent>, NotUsed>> parts, int atATime, JournalIntake intake) {
    Source<JournalIntake.PartBatch, NotUsed> batches =
        Source.from(IntStream.range(0, parts.size()).boxed().toList())
            .flatMapMerge(atATime, part -> parts.get(part)
                .map(rows -> new JournalIntake.PartBatch(part, rows, false))
                .concat(Source.single(new JournalIntake.PartBatch(part, List.of(), true)))
                .async());
    int partsBefore = intake.partsDone();
    try (Stream<JournalIntake.PartBatch> stream = batches.runWith(StreamConverters.asJavaStream(), system)) {
      stream.forEach(batch -> {
        intake.accept(batch);
        progress.read(intake.rowsRead(), intake.partsDone() - partsBefore, parts.size());
      });
    } catch (ReplaySourceException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ReplaySourceException("reading the " + description() + " failed: " + e.getMessage(), e);
    }
  }
}
