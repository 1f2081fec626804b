package dev.concierge.offline.importing;

import static dev.concierge.offline.importing.ImportFixtures.events;
import static dev.concierge.offline.importing.ImportFixtures.read;
import static dev.concierge.offline.importing.ImportFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.offline.replay.InvalidSummary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedImportTest {

  private static final Map<String, EventType> RETAIL_ROCKET =
      Map.of("view", EventType.VIEW, "addtocart", EventType.ADD_TO_CART, "transaction", EventType.PURCHASE);

  @TempDir Path dir;

  @Test
  void aRetailRocketLikeFileNeedsOnlyItsTypeValuesMapped() {
    Path file = write(dir, "events.csv", "timestamp,visitorid,event,itemid,transactionid\n"
        + "1433221332117,257597,view,355908,\n1433221999827,111016,addtocart,318965,\n"
        + "1433223236124,483648,transaction,253185,4000\n1433223236125,483648,wishlist,253185,\n");

    ImportResult result = read(file, new MappedFormat(Map.of(), RETAIL_ROCKET, 4));

    assertEquals(List.of(EventType.VIEW, EventType.ADD_TO_CART, EventType.PURCHASE),
        events(result).stream().map(CustomerEvent::type).toList());
    assertEquals(Instant.parse("2015-06-02T05:02:12.117Z"), events(result).get(0).timestamp());
    assertEquals(List.of(new InvalidSummary.Reason("event type 'wishlist' is not mapped (--types)", 1, "line 5")),
        result.leftOut().reasons());
  }

  @Test
  void namedColumnsGiveEveryFieldOfTheContractAndTheCatalog() {
    Path file = write(dir, "export.tsv", "ts\tuser_id\tsku\taction\tamount\tqty\tsid\tname\tcat\n"
        + "2026-10-01T10:00:00Z\tu1\ts-1\tBUY\t9.5\t2\tx1\tTent\toutdoor\n"
        + "2026-10-01T09:00:00Z\tu1\ts-1\tLOOK\t\t\tx1\t\t\n"
        + "2026-10-01T11:00:00Z\tu2\ts-1\tBUY\t10.5\t1\t\tTent 2\tcamping\n");
    MappedFormat format = new MappedFormat(
        Map.of(Role.CUSTOMER, "user_id", Role.ITEM, "sku", Role.TYPE, "action", Role.TIMESTAMP, "ts", Role.PRICE,
            "amount", Role.QUANTITY, "qty", Role.SESSION, "sid", Role.TITLE, "name", Role.CATEGORY, "cat"),
        Map.of("buy", EventType.PURCHASE, "look", EventType.VIEW), 4);

    ImportResult result = read(file, format);

    assertEquals(List.of(
        new CustomerEvent("t-3", "u1", EventType.VIEW, "s-1", Instant.parse("2026-10-01T09:00:00Z"), null, 1, "x1",
            Map.of()),
        new CustomerEvent("t-2", "u1", EventType.PURCHASE, "s-1", Instant.parse("2026-10-01T10:00:00Z"), 9.5, 2, "x1",
            Map.of()),
        new CustomerEvent("t-4", "u2", EventType.PURCHASE, "s-1", Instant.parse("2026-10-01T11:00:00Z"), 10.5, 1, null,
            Map.of())),
        events(result));
    assertEquals(List.of(new CatalogItem("s-1", "outdoor", 10.0, true, "Tent", 0)), result.catalog());
  }

  @Test
  void columnNumbersNameTheColumnsOfAFileWithoutAHeader() {
    Path file = write(dir, "clicks.csv", "2026-10-01T10:00:00Z,u1,s-1,4\n2026-10-01T10:01:00Z,u2,s-2,2\n");

    ImportResult result = read(file, new MappedFormat(
        Map.of(Role.TIMESTAMP, "1", Role.CUSTOMER, "2", Role.ITEM, "3", Role.RATING, "4"), Map.of(), 4));

    assertEquals(List.of(EventType.PURCHASE, EventType.VIEW), events(result).stream().map(CustomerEvent::type).toList());
    assertTrue(result.describe().contains("timestamp=column 1, customer=column 2, item=column 3, rating=column 4"),
        result.describe());
  }

  @Test
  void withoutATypeOrRatingColumnEveryRowIsAPurchaseAndTypesDefaultToTheContractsNames() {
    Path file = write(dir, "orders.csv", "customer_id,product_id,created_at\nc1,p1,2026-10-01 10:00:00\n");
    Path typed = write(dir, "typed.csv", "user,item,type,time\nc1,p1,add_to_cart,2026-10-01 10:00:00\n");

    assertEquals(EventType.PURCHASE, events(read(file, new MappedFormat(
        Map.of(Role.TIMESTAMP, "created_at"), Map.of(), 4))).get(0).type());
    assertEquals(EventType.ADD_TO_CART, events(read(typed, new MappedFormat(Map.of(), Map.of(), 4))).get(0).type());
  }

  @Test
  void negativePricesZeroQuantitiesAndOverlongCategoriesAreBadRows() {
    Path file = write(dir, "e.csv", "user,item,time,price,quantity,category\nc,i,1,-1,1,x\nc,i,1,1,0,x\n"
        + "c,i,1,1,1," + "k".repeat(129) + "\nc,i,1,1,1,x\n");

    ImportResult result = read(file, new MappedFormat(Map.of(), Map.of(), 4));

    assertEquals(1, result.events());
    assertEquals(List.of("price below 0", "quantity below 1", "category longer than 128 characters"),
        result.bad().reasons().stream().map(InvalidSummary.Reason::reason).toList());
  }

  @Test
  void aNamedColumnTheHeaderLacksIsRefusedWithTheHeadersNames() {
    Path file = write(dir, "e.csv", "user,item,time\nc,i,1\n");

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> read(file, new MappedFormat(Map.of(Role.ITEM, "sku"), Map.of(), 4)));

    assertEquals("the column of item is named 'sku', but the header has no such column; it has user, item, time",
        error.getMessage());
  }
}
