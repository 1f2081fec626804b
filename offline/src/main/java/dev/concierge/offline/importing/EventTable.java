package dev.concierge.offline.importing;

import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The imported events, a column each, with ids numbered by dictionaries: about 40 bytes a row plus
 * each distinct id once, so that a file of tens of millions of ratings fits a modest heap. It also
 * notes what the rows say about their items, for the catalog.
 */
final class EventTable {

  private static final int INITIAL_ROWS = 1 << 12;
  private static final int NO_SESSION = -1;
  private static final EventType[] TYPES = EventType.values();

  private final IdDictionary customers = new IdDictionary();
  private final IdDictionary items = new IdDictionary();
  private final IdDictionary sessions = new IdDictionary();
  private final List<String> titles = new ArrayList<>();
  private final List<String> categories = new ArrayList<>();
  private final long[] typeCounts = new long[TYPES.length];
  private int rows;
  private long earliest = Long.MAX_VALUE;
  private long latest = Long.MIN_VALUE;
  private long[] lines = new long[INITIAL_ROWS];
  private long[] millis = new long[INITIAL_ROWS];
  private int[] customer = new int[INITIAL_ROWS];
  private int[] item = new int[INITIAL_ROWS];
  private int[] session = new int[INITIAL_ROWS];
  private int[] quantity = new int[INITIAL_ROWS];
  private byte[] type = new byte[INITIAL_ROWS];
  private double[] price = new double[INITIAL_ROWS];

  void add(ImportedRow row, long line) {
    if (rows == lines.length) {
      grow();
    }
    int itemNumber = items.number(row.itemId());
    if (itemNumber == titles.size()) {
      titles.add(null);
      categories.add(null);
    }
    noteFirst(titles, itemNumber, row.title());
    noteFirst(categories, itemNumber, row.category());
    lines[rows] = line;
    millis[rows] = row.epochMillis();
    customer[rows] = customers.number(row.customerId());
    item[rows] = itemNumber;
    session[rows] = row.sessionId() == null ? NO_SESSION : sessions.number(row.sessionId());
    quantity[rows] = row.quantity();
    type[rows] = (byte) row.type().ordinal();
    price[rows] = row.price();
    typeCounts[row.type().ordinal()]++;
    earliest = Math.min(earliest, row.epochMillis());
    latest = Math.max(latest, row.epochMillis());
    rows++;
  }

  int rows() {
    return rows;
  }

  int customers() {
    return customers.size();
  }

  int items() {
    return items.size();
  }

  long count(EventType eventType) {
    return typeCounts[eventType.ordinal()];
  }

  /** Row numbers by time, ties in file order. */
  int[] timeOrder() {
    return TimeOrder.of(millis, rows);
  }

  /** The earliest event's time, or null without rows. */
  Instant earliest() {
    return rows == 0 ? null : Instant.ofEpochMilli(earliest);
  }

  /** The latest event's time, or null without rows. */
  Instant latest() {
    return rows == 0 ? null : Instant.ofEpochMilli(latest);
  }

  /** The row as an event whose id is {@code idPrefix-<line>}: the same file gives the same ids. */
  CustomerEvent event(int row, String idPrefix) {
    double unitPrice = price[row];
    return new CustomerEvent(
        idPrefix + "-" + lines[row],
        customers.id(customer[row]),
        TYPES[type[row]],
        items.id(item[row]),
        Instant.ofEpochMilli(millis[row]),
        Double.isNaN(unitPrice) ? null : unitPrice,
        quantity[row],
        session[row] == NO_SESSION ? null : sessions.id(session[row]),
        Map.of());
  }

  /**
   * Every item, by id: the first title and category its rows give (else no title and
   * {@value CatalogItem#UNKNOWN_CATEGORY}), the median of their prices (else 0), in stock. Popularity stays 0:
   * counted over the whole file, it would tell a model trained on its early part about the later.
   */
  List<CatalogItem> catalog() {
    double[] medians = medianPrices();
    List<CatalogItem> catalog = new ArrayList<>(items.size());
    for (int number = 0; number < items.size(); number++) {
      String category = categories.get(number);
      catalog.add(new CatalogItem(items.id(number), category == null ? CatalogItem.UNKNOWN_CATEGORY : category,
          medians[number], true, titles.get(number), 0));
    }
    catalog.sort(Comparator.comparing(CatalogItem::itemId));
    return catalog;
  }

  /** Each item's median price over its rows with a price, 0 for items without: the prices bucketed by item, then sorted. */
  private double[] medianPrices() {
    int itemCount = items.size();
    int[] start = new int[itemCount + 1];
    for (int row = 0; row < rows; row++) {
      if (!Double.isNaN(price[row])) {
        start[item[row] + 1]++;
      }
    }
    for (int number = 0; number < itemCount; number++) {
      start[number + 1] += start[number];
    }
    double[] prices = new double[start[itemCount]];
    int[] filled = Arrays.copyOf(start, itemCount);
    for (int row = 0; row < rows; row++) {
      if (!Double.isNaN(price[row])) {
        prices[filled[item[row]]++] = price[row];
      }
    }
    double[] medians = new double[itemCount];
    for (int number = 0; number < itemCount; number++) {
      int from = start[number];
      int count = start[number + 1] - from;
      if (count > 0) {
        Arrays.sort(prices, from, from + count);
        int middle = from + count / 2;
        medians[number] = count % 2 == 1 ? prices[middle] : (prices[middle - 1] + prices[middle]) / 2;
      }
    }
    return medians;
  }

  private static void noteFirst(List<String> notes, int itemNumber, String note) {
    if (notes.get(itemNumber) == null && note != null && !note.isBlank()) {
      notes.set(itemNumber, note);
    }
  }

  private void grow() {
    int capacity = lines.length * 2;
    lines = Arrays.copyOf(lines, capacity);
    millis = Arrays.copyOf(millis, capacity);
    customer = Arrays.copyOf(customer, capacity);
    item = Arrays.copyOf(item, capacity);
    session = Arrays.copyOf(session, capacity);
    quantity = Arrays.copyOf(quantity, capacity);
    type = Arrays.copyOf(type, capacity);
    price = Arrays.copyOf(price, capacity);
  }
}
