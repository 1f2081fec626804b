package dev.concierge.offline.importing;

import dev.concierge.models.EventType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Invoice lines, as the UCI Online Retail sets write them
 * ({@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country}, or
 * Online Retail II's {@code Invoice,...,Price,Customer ID,...}): each line a customer bought is a
 * purchase of its quantity at its unit price, in a session that is its invoice. Left out, and counted
 * by reason: lines without a customer, cancellations (an invoice starting with {@code C}), lines of
 * no positive quantity (returns, stock adjustments), lines that are no product (postage, fees,
 * discounts: {@code nonProductCodes}, any case), and lines of no positive price (gifts, write-offs).
 */
public record InvoiceFormat(Set<String> nonProductCodes, Map<Role, String> named) implements ImportFormat {

  private static final Layout LAYOUT = new Layout(
      Set.of(Role.INVOICE, Role.ITEM, Role.QUANTITY, Role.TIMESTAMP, Role.PRICE, Role.CUSTOMER),
      Set.of(Role.TITLE),
      Map.of(Role.INVOICE, 0, Role.ITEM, 1, Role.TITLE, 2, Role.QUANTITY, 3, Role.TIMESTAMP, 4, Role.PRICE, 5,
          Role.CUSTOMER, 6));
  private static final String CANCELLATION_PREFIX = "C";

  public InvoiceFormat {
    nonProductCodes = nonProductCodes.stream().map(code -> code.strip().toUpperCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
    named = Map.copyOf(named);
  }

  @Override
  public String describe() {
    return "invoice lines (each line a customer bought is a purchase)";
  }

  @Override
  public Layout layout() {
    return LAYOUT;
  }

  @Override
  public RowConverter converter(Columns columns, TimeReader times) {
    return (row, line) -> {
      String customer = columns.text(row, Role.CUSTOMER);
      if (customer.isBlank()) {
        throw RowRejected.leftOut("no customer");
      }
      String invoice = columns.text(row, Role.INVOICE).strip();
      if (invoice.toUpperCase(Locale.ROOT).startsWith(CANCELLATION_PREFIX)) {
        throw RowRejected.leftOut("a cancellation (its invoice starts with C)");
      }
      int quantity = Cells.wholeNumber(columns.text(row, Role.QUANTITY), "quantity");
      if (quantity <= 0) {
        throw RowRejected.leftOut("a quantity of 0 or less (a return or a stock adjustment)");
      }
      String code = columns.text(row, Role.ITEM);
      if (nonProductCodes.contains(code.strip().toUpperCase(Locale.ROOT))) {
        throw RowRejected.leftOut("no product (postage, fees, discounts, manual lines: concierge.import.invoice"
            + ".non-product-codes)");
      }
      double price = Cells.number(columns.text(row, Role.PRICE), "price");
      if (price <= 0) {
        throw RowRejected.leftOut("a price of 0 or less (a gift or a write-off, not a sale)");
      }
      long millis = times.millis(columns.text(row, Role.TIMESTAMP));
      String title = columns.has(Role.TITLE) ? columns.text(row, Role.TITLE).strip() : null;
      return new ImportedRow(IdText.of(customer, "customer"), IdText.of(code, "item"), EventType.PURCHASE, millis,
          price, quantity, IdText.of(invoice, "invoice"), title, null);
    };
  }
}
