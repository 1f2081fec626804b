package dev.concierge.offline.importing;

import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.offline.replay.InvalidSummary;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/** What an import read: the events, their catalog, and the rows that gave none, by reason. */
public final class ImportResult {

  private final String reading;
  private final long rowsRead;
  private final EventTable table;
  private final InvalidSummary bad;
  private final InvalidSummary leftOut;

  /**
   * @param reading  how the file was read: format, delimiter, header, columns, times
   * @param rowsRead the non-blank lines after the header
   * @param bad      rows whose values do not read
   * @param leftOut  readable rows that their format's rules leave out
   */
  ImportResult(String reading, long rowsRead, EventTable table, InvalidSummary bad, InvalidSummary leftOut) {
    this.reading = reading;
    this.rowsRead = rowsRead;
    this.table = table;
    this.bad = bad;
    this.leftOut = leftOut;
  }

  public long rowsRead() {
    return rowsRead;
  }

  public InvalidSummary bad() {
    return bad;
  }

  public InvalidSummary leftOut() {
    return leftOut;
  }

  public int events() {
    return table.rows();
  }

  public int customers() {
    return table.customers();
  }

  public int items() {
    return table.items();
  }

  public long count(EventType type) {
    return table.count(type);
  }

  /** The earliest event's time, or null without events. */
  public Instant earliest() {
    return table.earliest();
  }

  /** The latest event's time, or null without events. */
  public Instant latest() {
    return table.latest();
  }

  /** The events by time, ties in file order, with ids {@code idPrefix-<line number>}. */
  public Iterator<CustomerEvent> eventsByTime(String idPrefix) {
    int[] order = table.timeOrder();
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < order.length;
      }

      @Override
      public CustomerEvent next() {
        if (next == order.length) {
          throw new NoSuchElementException();
        }
        return table.event(order[next++], idPrefix);
      }
    };
  }

  /** One item a line, by id; see {@link EventTable#catalog()}. */
  public List<CatalogItem> catalog() {
    return table.catalog();
  }

  /** A few lines for a person. */
  public String describe() {
    String nl = System.lineSeparator();
    StringBuilder text = new StringBuilder(reading).append(nl)
        .append(String.format(Locale.ROOT, "%,d rows read: %,d events, %,d left out by rule, %,d bad",
            rowsRead, events(), leftOut.total(), bad.total()));
    if (events() > 0) {
      text.append(nl).append("events:");
      for (EventType type : EventType.interactions()) {
        if (count(type) > 0) {
          text.append(String.format(Locale.ROOT, " %,d %s", count(type), type.wireName()));
        }
      }
      text.append(String.format(Locale.ROOT, "; %,d customers, %,d items; %s .. %s",
          customers(), items(), earliest(), latest()));
    }
    if (leftOut.total() > 0) {
      text.append(nl).append("left out by rule:").append(leftOut.reasonLines());
    }
    if (bad.total() > 0) {
      text.append(nl).append("bad rows:").append(bad.reasonLines());
    }
    return text.toString();
  }
}
