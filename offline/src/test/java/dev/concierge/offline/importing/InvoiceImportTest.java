package dev.concierge.offline.importing;

import static dev.concierge.offline.importing.ImportFixtures.SETTINGS;
import static dev.concierge.offline.importing.ImportFixtures.events;
import static dev.concierge.offline.importing.ImportFixtures.read;
import static dev.concierge.offline.importing.ImportFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.offline.replay.InvalidSummary;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invoice lines of the UCI Online Retail set: 23 real lines (the fixture's README credits the source)
 * with every kind of line the set has.
 */
class InvoiceImportTest {

  private static final InvoiceFormat ONLINE_RETAIL = new InvoiceFormat(Set.copyOf(SETTINGS.nonProductCodes()), Map.of());

  @TempDir Path dir;

  @Test
  void everyLineACustomerBoughtIsAPurchaseOfItsQuantityAtItsPriceInItsInvoice() {
    ImportResult result = read(sample(), ONLINE_RETAIL);

    assertEquals(23, result.rowsRead());
    assertEquals(17, result.events());
    assertEquals(17, result.count(EventType.PURCHASE));
    assertEquals(7, result.customers());
    assertEquals(15, result.items());
    assertEquals(Instant.parse("2010-12-01T08:26:00Z"), result.earliest());
    assertEquals(Instant.parse("2010-12-01T12:43:00Z"), result.latest());
    CustomerEvent first = events(result).get(0);
    assertEquals(new CustomerEvent("t-2", "17850", EventType.PURCHASE, "85123A", Instant.parse("2010-12-01T08:26:00Z"),
        2.55, 6, "536365", Map.of()), first);
  }

  @Test
  void cancellationsLinesWithoutACustomerNonProductsAndZeroPricesAreLeftOutByReason() {
    ImportResult result = read(sample(), ONLINE_RETAIL);

    InvalidSummary leftOut = result.leftOut();
    assertEquals(6, leftOut.total());
    assertEquals(0, result.bad().total());
    assertEquals(List.of(
        new InvalidSummary.Reason(
            "no product (postage, fees, discounts, manual lines: concierge.import.invoice.non-product-codes)", 1,
            "line 14"),
        new InvalidSummary.Reason("a cancellation (its invoice starts with C)", 2, List.of("line 16", "line 17")),
        new InvalidSummary.Reason("no customer", 2, List.of("line 20", "line 23")),
        new InvalidSummary.Reason("a price of 0 or less (a gift or a write-off, not a sale)", 1, "line 24")),
        leftOut.reasons());
  }

  @Test
  void theCatalogGivesEachItemItsFirstDescriptionAndItsMedianPrice() {
    List<CatalogItem> catalog = read(sample(), ONLINE_RETAIL).catalog();

    assertEquals(new CatalogItem("22960", "unknown", 4.25, true, "JAM MAKING SET WITH JARS", 0), item(catalog, "22960"));
    assertEquals("AIRLINE LOUNGE,METAL SIGN", item(catalog, "82567").title());
    assertEquals("RECORD FRAME 7\" SINGLE SIZE", item(catalog, "22041").title());
    assertEquals(15, catalog.size());
  }

  @Test
  void theMedianOfAnEvenNumberOfPricesIsTheMeanOfTheMiddleTwo() {
    Path file = write(dir, "lines.csv", "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID\n"
        + "1,A,a,1,2010-12-01 08:00:00,1.0,7\n2,A,a,1,2010-12-01 08:00:00,4.0,7\n"
        + "3,A,a,1,2010-12-01 08:00:00,2.0,7\n4,A,a,1,2010-12-01 08:00:00,100.0,7\n");

    assertEquals(3.0, read(file, ONLINE_RETAIL).catalog().get(0).price());
  }

  @Test
  void onlineRetailIisNamesAreKnownAndItsWholeNumberCustomersStayAsTheyAre() {
    Path file = write(dir, "online_retail_II.csv", "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,"
        + "Customer ID,Country\n489434,85048,15CM CHRISTMAS GLASS BALL 20 LIGHTS,12,2009-12-01 07:45:00,6.95,13085,"
        + "United Kingdom\n");

    CustomerEvent event = events(read(file, ONLINE_RETAIL)).get(0);

    assertEquals("13085", event.customerId());
    assertEquals(6.95, event.price());
    assertEquals(12, event.quantity());
    assertEquals("489434", event.sessionId());
  }

  @Test
  void unreadableQuantitiesPricesAndTimesAreBadRows() {
    Path file = write(dir, "lines.csv", "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID\n"
        + "1,A,a,six,2010-12-01 08:00:00,1.0,7\n2,A,a,1.5,2010-12-01 08:00:00,1.0,7\n"
        + "3,A,a,1,2010-12-01 08:00:00,cheap,7\n4,A,a,1,12/1/2010 8:26,1.0,7\n5,A,a,1,2010-12-01 08:00:00,1.0,7\n");

    ImportResult result = read(file, ONLINE_RETAIL);

    assertEquals(1, result.events());
    assertEquals(List.of("quantity is not a number", "quantity is not a whole number", "price is not a number",
        "time is not epoch seconds or milliseconds, nor an ISO-8601 date-time (say which with --time-format)"),
        result.bad().reasons().stream().map(InvalidSummary.Reason::reason).toList());
  }

  private static CatalogItem item(List<CatalogItem> catalog, String id) {
    return catalog.stream().filter(item -> item.itemId().equals(id)).findFirst().orElseThrow();
  }

  private static Path sample() {
    try {
      return Path.of(InvoiceImportTest.class.getResource("online-retail-sample.csv").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
