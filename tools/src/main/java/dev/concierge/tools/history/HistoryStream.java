package dev.concierge.tools.history;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.models.EventRecorded;
import dev.concierge.offline.replay.EventSource;
import dev.concierge.offline.replay.FileEventSource;
import dev.concierge.offline.replay.JournalEventSource;
import dev.concierge.offline.replay.KafkaEventSource;
import dev.concierge.offline.replay.ReplayEvents;
import dev.concierge.offline.replay.ReplayReport;
import dev.concierge.offline.replay.TimeRange;
import dev.concierge.tools.cli.ToolProgress;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A history from one source, in replay order, read as it is iterated (once), with a progress bar:
 * what {@code replay} folds through the feature function without holding the events. Close it to
 * release the source (and the journal's actor system).
 */
public final class HistoryStream implements Iterable<EventRecorded>, AutoCloseable {

  private final ReplayEvents events;
  private final String description;
  private final List<String> customers;
  private final ToolProgress progress;
  private final ActorSystem<Void> system;
  private boolean iterated;

  private HistoryStream(
      ReplayEvents events, String description, List<String> customers, PrintStream err, ActorSystem<Void> system) {
    this.events = events;
    this.description = description;
    this.customers = customers;
    this.progress = ToolProgress.start("read", events.report().plannedEvents(), "events", err);
    this.system = system;
  }

  /**
   * @param customers only these customers, or empty for all (the journal reads only them; other
   *     sources filter as they read)
   */
  public static HistoryStream open(SourceSpec spec, TimeRange range, List<String> customers, Config config, PrintStream err) {
    Config concierge = config.getConfig("concierge");
    // drop redelivered events as the live customers do, so replay counts what production counted
    int dedupeWindow = concierge.getInt("customer.dedupe-window");
    if (spec instanceof SourceSpec.File file) {
      return open(new FileEventSource(file.path(), dedupeWindow), range, customers, err, null);
    }
    if (spec instanceof SourceSpec.Kafka) {
      KafkaSettings topics = KafkaSettings.fromConfig(concierge);
      return open(
          new KafkaEventSource(
              KafkaEventSource.Settings.of(topics.bootstrapServers(), topics.eventsTopic()).withDedupeWindow(dedupeWindow)),
          range, customers, err, null);
    }
    return openJournal(range, customers, config, err);
  }

  private static HistoryStream openJournal(TimeRange range, List<String> customers, Config config, PrintStream err) {
    // a tool, not a cluster member: a local actor system is all the journal's session and query need;
    // a node's exit-jvm would end the tool when the history is closed, before it wrote what it replayed
    Config local = ConfigFactory.parseString(String.join("\n",
            "pekko.actor.provider = local",
            "pekko.coordinated-shutdown.exit-jvm = off"))
        .withFallback(config);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "concierge-history", local);
    JournalEventSource.Settings settings =
        JournalEventSource.Settings.fromConfig(local, CustomerEntity.ENTITY_KEY.name()).withCustomers(customers);
    ReplayEvents events;
    JournalEventSource source;
    // the scan's bar is done before the replay's starts
    try (JournalScanBar scan = new JournalScanBar(err)) {
      source = new JournalEventSource(system, settings, scan);
      events = source.open(range);
    } catch (RuntimeException e) {
      system.terminate();
      throw e;
    }
    return new HistoryStream(events, source.description(), customers, err, system);
  }

  private static HistoryStream open(
      EventSource source, TimeRange range, List<String> customers, PrintStream err, ActorSystem<Void> system) {
    return new HistoryStream(source.open(range), source.description(), customers, err, system);
  }

  public String description() {
    return description;
  }

  /** The counts so far; final once iterated to the end. */
  public ReplayReport report() {
    return events.report();
  }

  /** The events of the chosen customers, once. */
  @Override
  public Iterator<EventRecorded> iterator() {
    if (iterated) {
      throw new IllegalStateException("a history stream is read once");
    }
    iterated = true;
    return new Iterator<>() {
      private EventRecorded next;

      @Override
      public boolean hasNext() {
        while (next == null && events.hasNext()) {
          EventRecorded candidate = events.next();
          progress.step();
          if (customers.isEmpty() || customers.contains(candidate.event().customerId())) {
            next = candidate;
          }
        }
        return next != null;
      }

      @Override
      public EventRecorded next() {
        if (!hasNext()) {
          throw new NoSuchElementException("the history of " + description + " has no more events");
        }
        EventRecorded taken = next;
        next = null;
        return taken;
      }
    };
  }

  @Override
  public void close() {
    progress.close();
    events.close();
    if (system != null) {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
    }
  }
}
