package dev.concierge.tools.history;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.recommend.HistoryReplay;
import dev.concierge.offline.replay.EventSource;
import dev.concierge.offline.replay.FileEventSource;
import dev.concierge.offline.replay.JournalEventSource;
import dev.concierge.offline.replay.KafkaEventSource;
import dev.concierge.offline.replay.ReplayEvents;
import dev.concierge.offline.replay.ReplayReport;
import dev.concierge.offline.replay.TimeRange;
import dev.concierge.tools.ToolProgress;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A history read into memory from one source, in replay order, so that training and backtests can
 * pass over it several times. Reading shows a progress bar; what was skipped is summarized.
 *
 * @param categoriesRecorded whether the source recorded each event's category (the journal does; a file
 *     and Kafka do not, so their events are filed under a catalog's)
 */
public record History(List<EventRecorded> recorded, ReplayReport report, String description, boolean categoriesRecorded) {

  private static final HistoryReplay.Observer NO_OBSERVER = (event, state) -> { };

  public List<CustomerEvent> events() {
    List<CustomerEvent> events = new ArrayList<>(recorded.size());
    recorded.forEach(r -> events.add(r.event()));
    return events;
  }

  /**
   * Replays the whole history through {@code replay}'s feature function: each event under the category
   * recorded with it where the source records them, else under the category of {@code replay}'s catalog.
   */
  public void replayThrough(HistoryReplay replay) {
    if (categoriesRecorded) {
      replay.replayRecorded(recorded, Instant.MAX, NO_OBSERVER);
    } else {
      replay.replay(events(), Instant.MAX, NO_OBSERVER);
    }
  }

  /**
   * @param customers only these customers, or empty for all (the journal reads only them; other
   *     sources filter as they read)
   */
  public static History read(SourceSpec spec, TimeRange range, List<String> customers, Config config, PrintStream err) {
    Config concierge = config.getConfig("concierge");
    // drop redelivered events as the live customers do, so replay counts what production counted
    int dedupeWindow = concierge.getInt("customer.dedupe-window");
    if (spec instanceof SourceSpec.File file) {
      return drain(new FileEventSource(file.path(), dedupeWindow), range, customers, err, false);
    }
    if (spec instanceof SourceSpec.Kafka) {
      KafkaSettings topics = KafkaSettings.fromConfig(concierge);
      return drain(
          new KafkaEventSource(
              KafkaEventSource.Settings.of(topics.bootstrapServers(), topics.eventsTopic()).withDedupeWindow(dedupeWindow)),
          range, customers, err, false);
    }
    return readJournal(range, customers, config, err);
  }

  private static History readJournal(TimeRange range, List<String> customers, Config config, PrintStream err) {
    // a tool, not a cluster member: a local actor system is all persistence query needs
    Config local = ConfigFactory.parseString("pekko.actor.provider = local").withFallback(config);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "concierge-history", local);
    try {
      JournalEventSource.Settings settings = JournalEventSource.Settings.of(CustomerEntity.ENTITY_KEY.name());
      return drain(
          new JournalEventSource(system, customers.isEmpty() ? settings : settings.withCustomers(customers)),
          range, customers, err, true);
    } finally {
      system.terminate();
    }
  }

  private static History drain(
      EventSource source, TimeRange range, List<String> customers, PrintStream err, boolean categoriesRecorded) {
    List<EventRecorded> recorded = new ArrayList<>();
    try (ReplayEvents events = source.open(range);
        ToolProgress progress = ToolProgress.unbounded("read", "events", err)) {
      while (events.hasNext()) {
        EventRecorded next = events.next();
        if (customers.isEmpty() || customers.contains(next.event().customerId())) {
          recorded.add(next);
        }
        progress.step();
      }
      return new History(List.copyOf(recorded), events.report(), source.description(), categoriesRecorded);
    }
  }
}
