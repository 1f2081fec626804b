package dev.concierge.offline.importing;

import static dev.concierge.offline.importing.ImportFixtures.RATINGS;
import static dev.concierge.offline.importing.ImportFixtures.events;
import static dev.concierge.offline.importing.ImportFixtures.read;
import static dev.concierge.offline.importing.ImportFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.offline.replay.InvalidSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ratings format on the layouts of the public rating sets (made-up rows in their shapes). */
class RatingsImportTest {

  @TempDir Path dir;

  @Test
  void movieLensRatingsCsvWithItsHeaderAndEpochSeconds() {
    ImportResult result = read(write(dir, "ratings.csv",
        "userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,4.0,1260759179\n2,10,4.5,835355493\n"),
        RATINGS);

    List<CustomerEvent> events = events(result);
    assertEquals(3, result.rowsRead());
    assertEquals(List.of("t-4", "t-2", "t-3"), events.stream().map(CustomerEvent::eventId).toList());
    CustomerEvent first = events.get(0);
    assertEquals("2", first.customerId());
    assertEquals("10", first.itemId());
    assertEquals(EventType.PURCHASE, first.type());
    assertEquals(Instant.parse("1996-06-21T11:11:33Z"), first.timestamp());
    assertNull(first.price());
    assertEquals(EventType.VIEW, events.get(1).type());
    assertTrue(result.describe().contains("a header; columns customer=userId (column 1), item=movieId (column 2),"
        + " rating=rating (column 3), timestamp=timestamp (column 4)"), result.describe());
  }

  @Test
  void movieLens100kUDataIsTabSeparatedWithoutAHeader() {
    ImportResult result = read(write(dir, "u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n"),
        RATINGS);

    assertEquals(3, result.events());
    assertEquals(0, result.bad().total());
    assertEquals(List.of("22", "196", "186"), events(result).stream().map(CustomerEvent::customerId).toList());
    assertTrue(result.describe().contains("delimiter tab, no header"), result.describe());
  }

  @Test
  void movieLens1mRatingsDatIsSeparatedByDoubleColons() {
    ImportResult result = read(write(dir, "ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n"), RATINGS);

    assertEquals(List.of("1193", "661"), events(result).stream().map(CustomerEvent::itemId).toList());
    assertEquals(List.of(EventType.PURCHASE, EventType.VIEW), events(result).stream().map(CustomerEvent::type).toList());
  }

  @Test
  void amazonRatingsOnlyFilesNeedNoHeaderAndMapTheirOrder() {
    Path file = write(dir, "ratings_Books.csv", "A2EFCYXHNK06IS,0001713353,5.0,1123804800\nAYLNXAWE2UQW,0001713353,2.0,1391212800\n");

    ImportResult byDefault = read(file, RATINGS);
    ImportResult itemFirst = read(file, new RatingsFormat(4.0, Map.of(Role.ITEM, "1", Role.CUSTOMER, "2"), Instant.EPOCH));

    assertEquals("A2EFCYXHNK06IS", events(byDefault).get(0).customerId());
    assertEquals("A2EFCYXHNK06IS", events(itemFirst).get(0).itemId());
    assertEquals(1, byDefault.items());
  }

  @Test
  void bookCrossingIsSemicolonSeparatedQuotedLatin1AndWithoutTimesSoRowsKeepTheirOrder() throws IOException {
    Path file = dir.resolve("BX-Book-Ratings.csv");
    Files.write(file, "\"User-ID\";\"ISBN\";\"Book-Rating\"\n\"276725\";\"034545104X\";\"0\"\n\"276726\";\"3442 ü\";\"9\"\n"
        .getBytes(StandardCharsets.ISO_8859_1));

    ImportResult result = read(file, new RatingsFormat(8, Map.of(), Instant.parse("2000-01-01T00:00:00Z")),
        new CsvImport.Options(null, null, TimeReader.of("auto", ZoneId.of("UTC")), StandardCharsets.ISO_8859_1));

    List<CustomerEvent> events = events(result);
    assertEquals(List.of(Instant.parse("2000-01-01T00:00:02Z"), Instant.parse("2000-01-01T00:00:03Z")),
        events.stream().map(CustomerEvent::timestamp).toList());
    assertEquals(List.of(EventType.VIEW, EventType.PURCHASE), events.stream().map(CustomerEvent::type).toList());
    assertEquals("3442@0020@00FC", events.get(1).itemId());
    assertTrue(result.describe().contains("delimiter ';', a header"), result.describe());
    assertTrue(result.describe().contains("times by row order"), result.describe());
  }

  @Test
  void badRowsAreCountedByReasonWithTheirFirstLinesAndTheRestIsImported() {
    ImportResult result = read(write(dir, "ratings.csv", "userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n"
        + "1,32,x,1260759144\n2,33,,1260759144\n3,34,5,soon\n4,35,5\n5,36,\"5,1260759144\n6,37,4,1260759150\n"
        + "7,38,y,1\n8,39,z,1\n"),
        RATINGS);

    assertEquals(9, result.rowsRead());
    assertEquals(2, result.events());
    InvalidSummary bad = result.bad();
    assertEquals(7, bad.total());
    assertEquals(new InvalidSummary.Reason("rating is not a number", 4,
        List.of("line 3: 'x'", "line 4: ''", "line 9: 'y'")), bad.reasons().get(0));
    assertEquals("time is not epoch seconds or milliseconds, nor an ISO-8601 date-time (say which with --time-format)",
        bad.reasons().get(1).reason());
    assertEquals(new InvalidSummary.Reason("the row has fewer columns than 4", 1, "line 6"), bad.reasons().get(2));
    assertEquals(new InvalidSummary.Reason("a quoted field is not closed on its line", 1, "line 7"),
        bad.reasons().get(3));
    assertTrue(result.describe().contains("4 x rating is not a number (first at line 3: 'x', line 4: '', line 9: 'y')"),
        result.describe());
  }

  @Test
  void theCatalogListsEachItemOnceUnderTheUnknownCategory() {
    List<CatalogItem> catalog = read(write(dir, "r.csv", "1,b,5,10\n2,a,5,11\n3,b,1,12\n"), RATINGS).catalog();

    assertEquals(List.of(new CatalogItem("a", "unknown", 0, true, "", 0), new CatalogItem("b", "unknown", 0, true, "", 0)),
        catalog);
  }

  @Test
  void gzipFilesByteOrderMarksBlankLinesAndWindowsLineEndsAreRead() throws IOException {
    Path file = dir.resolve("ratings.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("\uFEFFuserId,movieId,rating,timestamp\r\n\r\n1,31,2.5,1260759144\r\n  \n2,10,4.5,835355493\r\n"
          .getBytes(StandardCharsets.UTF_8));
    }

    ImportResult result = read(file, RATINGS);

    assertEquals(2, result.rowsRead());
    assertEquals(2, result.events());
    assertEquals(List.of("t-5", "t-3"), events(result).stream().map(CustomerEvent::eventId).toList());
  }

  @Test
  void aHeaderTheFormatCannotReadIsRefusedWithWhatItHas() {
    Path file = write(dir, "r.csv", "user,film,stars\n1,2,3\n");

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> read(file, RATINGS));

    assertEquals("no column for item in the header (user, film, stars); name it with --map item=COLUMN",
        error.getMessage());
    assertEquals(1, read(file, new RatingsFormat(4, Map.of(Role.ITEM, "film"), Instant.EPOCH)).events());
  }

  @Test
  void theHeaderCanBeToldWhenItsNamesAreUnknown() {
    Path file = write(dir, "r.csv", "u,i,r,t\n1,2,3,4\n");
    CsvImport.Options withHeader =
        new CsvImport.Options(null, true, TimeReader.of("auto", ZoneId.of("UTC")), StandardCharsets.UTF_8);

    assertEquals(1, read(file, RATINGS).bad().total());
    ImportResult told = read(file, RATINGS, withHeader);
    assertEquals(0, told.bad().total());
    assertEquals(1, told.events());
  }

  @Test
  void importingTheSameFileTwiceGivesTheSameEvents() {
    Path file = write(dir, "r.csv", "3,b,5,10\n1,a,5,10\n2,c,1,5\n");

    assertEquals(events(read(file, RATINGS)), events(read(file, RATINGS)));
  }
}
