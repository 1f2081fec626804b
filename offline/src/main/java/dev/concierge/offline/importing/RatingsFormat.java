package dev.concierge.offline.importing;

import dev.concierge.models.EventType;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Ratings: customer, item, rating and, usually, a time, in that order without a header (MovieLens'
 * {@code u.data} and {@code ratings.dat}, Amazon's ratings-only files), or in any order under a header
 * that names them ({@code userId,movieId,rating,timestamp}; {@code User-ID;ISBN;Book-Rating}). A
 * rating of at least {@code purchaseThreshold} is a purchase, any other a view. Rows of a file without
 * times (Book-Crossing) get their order as times: line n is n seconds after {@code rowOrderStart}.
 */
public record RatingsFormat(double purchaseThreshold, Map<Role, String> named, Instant rowOrderStart)
    implements ImportFormat {

  private static final Layout LAYOUT = new Layout(
      Set.of(Role.CUSTOMER, Role.ITEM, Role.RATING),
      Set.of(Role.TIMESTAMP),
      Map.of(Role.CUSTOMER, 0, Role.ITEM, 1, Role.RATING, 2, Role.TIMESTAMP, 3));
  private static final long MILLIS_PER_SECOND = 1000;

  public RatingsFormat {
    named = Map.copyOf(named);
  }

  @Override
  public String describe() {
    return "ratings (a rating of " + purchaseThreshold + " or more is a purchase, below it a view)";
  }

  @Override
  public Layout layout() {
    return LAYOUT;
  }

  @Override
  public RowConverter converter(Columns columns, TimeReader times) {
    long rowOrderMillis = rowOrderStart.toEpochMilli();
    return (row, line) -> {
      String customer = IdText.of(columns.text(row, Role.CUSTOMER), "customer");
      String item = IdText.of(columns.text(row, Role.ITEM), "item");
      double rating = Cells.number(columns.text(row, Role.RATING), "rating");
      long millis = columns.has(Role.TIMESTAMP)
          ? times.millis(columns.text(row, Role.TIMESTAMP))
          : rowOrderMillis + line * MILLIS_PER_SECOND;
      EventType type = rating >= purchaseThreshold ? EventType.PURCHASE : EventType.VIEW;
      return new ImportedRow(customer, item, type, millis, Double.NaN, 1, null, null, null);
    };
  }
}
