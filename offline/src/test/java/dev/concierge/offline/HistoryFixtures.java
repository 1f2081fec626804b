package dev.concierge.offline;

import dev.concierge.models.CustomerEvent;
import dev.concierge.offline.replay.FileEventSource;
import dev.concierge.offline.replay.ReplayEvents;
import dev.concierge.offline.replay.TimeRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The history files under {@code histories/} in the test resources, shaped like real data (their README says
 * where each comes from): as files for the tools, and as events for the trainers.
 */
public final class HistoryFixtures {

  /** Ratings-style events of 1997 and 1998: views and purchases, no sessions, many short histories. */
  public static final String RATINGS = "ratings-1997.jsonl";
  /** The ratings' catalog: titles only, no category or price, and some items missing. */
  public static final String RATINGS_CATALOG = "ratings-1997-catalog.jsonl";
  /** Real purchases from the Online Retail data set (CC BY 4.0): prices, quantities, repeated purchases. */
  public static final String ONLINE_RETAIL = "online-retail-2010-12-01.jsonl";

  private HistoryFixtures() {}

  /** Copies the fixture into {@code directory}, since it may sit inside a jar. */
  public static Path copy(String name, Path directory) {
    Path target = directory.resolve(name);
    try (InputStream in = HistoryFixtures.class.getResourceAsStream("/histories/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no history fixture " + name);
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture's events, read as a file source reads them. */
  public static List<CustomerEvent> events(String name, Path directory) {
    List<CustomerEvent> events = new ArrayList<>();
    try (ReplayEvents replay = new FileEventSource(copy(name, directory)).open(TimeRange.all())) {
      replay.forEachRemaining(recorded -> events.add(recorded.event()));
    }
    return events;
  }
}
