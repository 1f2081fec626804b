package dev.concierge.tools.importing;

import static dev.concierge.tools.ToolRun.concierge;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventType;
import dev.concierge.offline.replay.FileEventSource;
import dev.concierge.offline.replay.ReplayEvents;
import dev.concierge.offline.replay.TimeRange;
import dev.concierge.persistence.json.CatalogJson;
import dev.concierge.tools.ToolRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/concierge import}: the files it writes, its summary, and its exit codes. */
class ImportCommandTest {

  private static final int DONE = 0;
  private static final int FAILED = 1;
  private static final int BAD_ARGUMENTS = 2;
  private static final String RATINGS = "userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,4.0,1260759179\n"
      + "2,10,4.5,835355493\n3,11,x,835355493\n";

  @TempDir Path dir;

  @Test
  void aRatingsFileBecomesAHistoryByTimeThatReplayReadsAndACatalogBesideIt() throws IOException {
    Path ratings = write("ratings.csv", RATINGS);
    Path events = dir.resolve("ml.jsonl");

    ToolRun run = concierge("import", "ratings", ratings.toString(), "--out", events.toString());

    assertEquals(DONE, run.exitCode(), run.err());
    List<EventRecorded> replayed = replay(events);
    assertEquals(List.of("ratings-4", "ratings-2", "ratings-3"),
        replayed.stream().map(recorded -> recorded.event().eventId()).toList());
    assertEquals(List.of(EventType.PURCHASE, EventType.VIEW, EventType.PURCHASE),
        replayed.stream().map(recorded -> recorded.event().type()).toList());
    assertEquals(List.of("10", "1029", "31"), catalog(dir.resolve("ml.catalog.jsonl")).stream()
        .map(CatalogItem::itemId).toList());
    assertTrue(run.out().contains("4 rows read: 3 events, 0 left out by rule, 1 bad"), run.out());
    assertTrue(run.out().contains("1 x rating is not a number (first at line 5: 'x')"), run.out());
    assertTrue(run.out().contains("wrote 3 events (ids ratings-<line>) to " + events + ", and 3 items to "
        + dir.resolve("ml.catalog.jsonl")), run.out());
    assertTrue(run.err().contains("read"), "a progress bar on stderr: " + run.err());
  }

  @Test
  void importingTheSameFileAgainWritesTheSameBytes() throws IOException {
    Path ratings = write("ratings.csv", RATINGS);

    concierge("import", "ratings", ratings.toString(), "--out", dir.resolve("a.jsonl").toString());
    concierge("import", "ratings", ratings.toString(), "--out", dir.resolve("b.jsonl").toString(), "--catalog-out",
        dir.resolve("b-items.jsonl").toString());

    assertArrayEquals(Files.readAllBytes(dir.resolve("a.jsonl")), Files.readAllBytes(dir.resolve("b.jsonl")));
    assertArrayEquals(Files.readAllBytes(dir.resolve("a.catalog.jsonl")), Files.readAllBytes(dir.resolve("b-items.jsonl")));
  }

  @Test
  void theOptionsOfEachFormatReachIt() throws IOException {
    Path clicks = write("clicks.txt", "u1|i1|CLK|2026-10-01 10:00\nu1|i2|BUY|2026-10-01 10:05\n");
    Path events = dir.resolve("clicks.jsonl");

    ToolRun run = concierge("import", "mapped", clicks.toString(), "--out", events.toString(), "--no-header",
        "--delimiter", "|", "--map", "customer=1,item=2,type=3,timestamp=4", "--types", "click=clk,purchase=buy|order",
        "--zone", "Europe/Berlin", "--id-prefix", "shop");

    assertEquals(DONE, run.exitCode(), run.err());
    List<EventRecorded> replayed = replay(events);
    assertEquals("shop-1", replayed.get(0).event().eventId());
    assertEquals(EventType.CLICK, replayed.get(0).event().type());
    assertEquals("2026-10-01T08:05:00Z", replayed.get(1).event().timestamp().toString());
  }

  @Test
  void theOnlineRetailSliceImportsWithItsCancellationsAndAnonymousLinesLeftOut() throws IOException {
    Path lines = write("retail.csv", "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
        + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n"
        + "C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,United Kingdom\n"
        + "536414,22139,,56,2010-12-01 11:52:00,0.0,,United Kingdom\n");

    ToolRun run = concierge("import", "invoices", lines.toString(), "--out", dir.resolve("retail.jsonl").toString());

    assertEquals(DONE, run.exitCode(), run.err());
    assertEquals(1, replay(dir.resolve("retail.jsonl")).size());
    assertTrue(run.out().contains("3 rows read: 1 events, 2 left out by rule, 0 bad"), run.out());
  }

  @Test
  void aFileOfNoUsableRowFailsAndWritesNothing() throws IOException {
    Path ratings = write("ratings.csv", "userId,movieId,rating,timestamp\n1,31,good,1260759144\n");

    ToolRun run = concierge("import", "ratings", ratings.toString(), "--out", dir.resolve("x.jsonl").toString());

    assertEquals(FAILED, run.exitCode());
    assertTrue(run.out().contains("1 x rating is not a number"), "the summary says why: " + run.out());
    assertTrue(run.err().contains("error: no row of " + ratings + " gave an event"), run.err());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(ratings), files.toList(), "nothing written, no partial file left");
    }
  }

  @Test
  void aMissingFileFailsWithItsName() {
    Path missing = dir.resolve("nope.csv");

    ToolRun run = concierge("import", "ratings", missing.toString(), "--out", dir.resolve("x.jsonl").toString());

    assertEquals(FAILED, run.exitCode());
    assertEquals("error: no such file: " + missing, run.err().strip());
  }

  @Test
  void aCommandLineThatDoesNotFitTheFileIsAUsageError() throws IOException {
    Path ratings = write("ratings.csv", RATINGS);
    String out = dir.resolve("x.jsonl").toString();

    assertUsageError(concierge("import", "ratings", ratings.toString(), "--out", out, "--map", "stars=3"),
        "--map: unknown role 'stars'");
    assertUsageError(concierge("import", "ratings", ratings.toString(), "--out", out, "--map", "item=film"),
        "the column of item is named 'film', but the header has no such column");
    assertUsageError(concierge("import", "mapped", ratings.toString(), "--out", out, "--types", "buy=x"),
        "--types: 'buy' is no event type");
    assertUsageError(concierge("import", "ratings", ratings.toString(), "--out", out, "--time-format", "{{"),
        "--time-format must be auto, seconds, millis, iso or a pattern");
    assertUsageError(concierge("import", "ratings", ratings.toString(), "--out", ratings.toString()),
        "is the file to import");
    assertUsageError(concierge("import", "ratings", ratings.toString(), "--out", out, "--id-prefix", "a b"),
        "field '--id-prefix' may hold only letters");
    assertUsageError(concierge("import", "ratings", write("one.txt", "just text\nmore text\n").toString(), "--out", out),
        "pass --delimiter");
    assertFalse(Files.exists(dir.resolve("x.jsonl")));
  }

  private static void assertUsageError(ToolRun run, String message) {
    assertEquals(BAD_ARGUMENTS, run.exitCode(), run.err());
    assertTrue(run.err().contains(message), run.err());
    assertTrue(run.err().contains("(see: bin/concierge import "), run.err());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static List<EventRecorded> replay(Path events) {
    List<EventRecorded> replayed = new ArrayList<>();
    try (ReplayEvents read = new FileEventSource(events).open(new TimeRange(null, null))) {
      read.forEachRemaining(replayed::add);
      assertEquals(0, read.report().invalid().total(), read.report().describe());
    }
    return replayed;
  }

  private static List<CatalogItem> catalog(Path file) throws IOException {
    CatalogJson json = new CatalogJson(new ObjectMapper());
    List<CatalogItem> items = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      Optional<CatalogItem> item = json.parse(line.getBytes(StandardCharsets.UTF_8));
      items.add(item.orElseThrow());
    }
    return items;
  }
}
