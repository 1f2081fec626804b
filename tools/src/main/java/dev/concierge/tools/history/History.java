package dev.concierge.tools.history;

import com.typesafe.config.Config;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.recommend.HistoryReplay;
import dev.concierge.offline.replay.ReplayReport;
import dev.concierge.offline.replay.TimeRange;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
    try (HistoryStream stream = HistoryStream.open(spec, range, customers, config, err)) {
      List<EventRecorded> recorded = new ArrayList<>();
      stream.forEach(recorded::add);
      return new History(List.copyOf(recorded), stream.report(), stream.description(), spec.categoriesRecorded());
    }
  }
}
