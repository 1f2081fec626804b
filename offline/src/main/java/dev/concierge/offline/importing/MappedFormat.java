package dev.concierge.offline.importing;

import dev.concierge.models.EventType;
import dev.concierge.models.Identifiers;
import dev.concierge.models.SafeText;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Any delimited file whose columns are named by the user ({@code --map customer=user_id,item=sku,...})
 * or by a header the roles know ({@code visitorid}, {@code itemid}, {@code event}, {@code timestamp}).
 * Customer, item and time are needed. The event type comes from a type column, whose values
 * {@code types} maps to the contract's (values it does not map leave their rows out), else from a
 * rating column and {@code purchaseThreshold}, else every row is a purchase. Price, quantity, session,
 * title and category are read when present.
 *
 * @param types source values (any case) to event types; empty for the contract's own names
 */
public record MappedFormat(Map<Role, String> named, Map<String, EventType> types, double purchaseThreshold)
    implements ImportFormat {

  private static final Layout LAYOUT = new Layout(
      Set.of(Role.CUSTOMER, Role.ITEM, Role.TIMESTAMP),
      Set.of(Role.TYPE, Role.RATING, Role.PRICE, Role.QUANTITY, Role.SESSION, Role.TITLE, Role.CATEGORY),
      Map.of());

  public MappedFormat {
    named = Map.copyOf(named);
    Map<String, EventType> byValue = new HashMap<>();
    if (types.isEmpty()) {
      for (EventType type : EventType.interactions()) {
        byValue.put(type.wireName(), type);
      }
    } else {
      types.forEach((value, type) -> byValue.put(value.strip().toLowerCase(Locale.ROOT), type));
    }
    types = Map.copyOf(byValue);
  }

  @Override
  public String describe() {
    StringJoiner values = new StringJoiner(", ");
    new TreeMap<>(types).forEach((value, type) -> values.add(value + "=" + type.wireName()));
    return "mapped columns (a type column's values: " + values + "; else a rating of " + purchaseThreshold
        + " or more is a purchase, below it a view; else every row is a purchase)";
  }

  @Override
  public Layout layout() {
    return LAYOUT;
  }

  @Override
  public RowConverter converter(Columns columns, TimeReader times) {
    return (row, line) -> {
      String customer = IdText.of(columns.text(row, Role.CUSTOMER), "customer");
      String item = IdText.of(columns.text(row, Role.ITEM), "item");
      EventType type = type(columns, row);
      long millis = times.millis(columns.text(row, Role.TIMESTAMP));
      String price = present(columns, row, Role.PRICE);
      String quantity = present(columns, row, Role.QUANTITY);
      String session = present(columns, row, Role.SESSION);
      return new ImportedRow(customer, item, type, millis,
          price == null ? Double.NaN : price(price),
          quantity == null ? 1 : quantity(quantity),
          session == null ? null : IdText.of(session, "session"),
          present(columns, row, Role.TITLE),
          category(present(columns, row, Role.CATEGORY)));
    };
  }

  private EventType type(Columns columns, String[] row) {
    if (columns.has(Role.TYPE)) {
      String value = columns.text(row, Role.TYPE).strip();
      EventType type = types.get(value.toLowerCase(Locale.ROOT));
      if (type == null) {
        throw RowRejected.leftOut("event type '" + SafeText.of(value) + "' is not mapped (--types)");
      }
      return type;
    }
    if (columns.has(Role.RATING)) {
      return Cells.number(columns.text(row, Role.RATING), "rating") >= purchaseThreshold
          ? EventType.PURCHASE : EventType.VIEW;
    }
    return EventType.PURCHASE;
  }

  /** The role's cell without surrounding space, or null when the file has no such column or the cell is empty. */
  private static String present(Columns columns, String[] row, Role role) {
    String text = columns.text(row, role);
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static double price(String text) {
    double price = Cells.number(text, "price");
    if (price < 0) {
      throw RowRejected.bad("price below 0", text);
    }
    return price;
  }

  private static int quantity(String text) {
    int quantity = Cells.wholeNumber(text, "quantity");
    if (quantity < 1) {
      throw RowRejected.bad("quantity below 1", text);
    }
    return quantity;
  }

  private static String category(String text) {
    if (text != null && text.length() > Identifiers.MAX_LENGTH) {
      throw RowRejected.bad("category longer than " + Identifiers.MAX_LENGTH + " characters", text);
    }
    return text;
  }
}
