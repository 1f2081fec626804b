package dev.concierge.offline.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.offline.replay.Timestamps;
import dev.concierge.persistence.json.CatalogJson;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.persistence.json.ParsedEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever the rows of a file hold, an import reads on: every row gives an event, or is counted as
 * left out or bad; no row stops it; and every event it writes is one that the history reader takes
 * back unchanged, every catalog line one that the catalog reader takes. The files are a header, then
 * rows of each format with values right and wrong, mixed with arbitrary text.
 */
class ImportPropertiesTest {

  private static final EventJson HISTORY_READER = new EventJson(new ObjectMapper(), Timestamps.EVENT_FIELD);
  private static final CatalogJson CATALOG_READER = new CatalogJson(new ObjectMapper());
  private static final List<String> ANY =
      List.of("", " ", "x", "-1", "0", "4.5", "1e3", "NaN", "\"", "\"q,\"\"\"", "a b", "ü", "@", "1433221332117",
          "2010-12-01 08:26:00", "2026-10-01T10:00:00+02:00", "99999999999999999999", "C536379", "POST", "12/1/2010",
          "9".repeat(200), "\t", ";", "::");

  @Property(tries = 200)
  void ratingsRowsNeverStopAnImportAndEveryEventReadsBack(@ForAll("ratingsFiles") List<String> lines) throws IOException {
    check(lines, new RatingsFormat(4, Map.of(), Instant.parse("2000-01-01T00:00:00Z")), ",");
  }

  @Property(tries = 200)
  void invoiceRowsNeverStopAnImportAndEveryEventReadsBack(@ForAll("invoiceFiles") List<String> lines) throws IOException {
    check(lines, new InvoiceFormat(Set.of("POST", "D"), Map.of()), ",");
  }

  @Property(tries = 200)
  void mappedRowsNeverStopAnImportAndEveryEventReadsBack(@ForAll("mappedFiles") List<String> lines) throws IOException {
    Map<Role, String> named = Map.of(Role.CUSTOMER, "who", Role.ITEM, "what", Role.TIMESTAMP, "when", Role.TYPE, "kind",
        Role.PRICE, "cost", Role.QUANTITY, "n", Role.SESSION, "visit", Role.TITLE, "label", Role.CATEGORY, "shelf");
    check(lines, new MappedFormat(named, Map.of("seen", EventType.VIEW, "bought", EventType.PURCHASE), 4), "\t");
  }

  /** Telling the delimiter and the header of arbitrary text either works or says what to pass; nothing else. */
  @Property(tries = 200)
  void anyFileIsReadOrRefusedWithAReason(@ForAll("anyFiles") List<String> lines) throws IOException {
    Path file = fileOf(lines);
    try {
      ImportResult result = CsvImport.read(file, ImportFixtures.RATINGS, ImportFixtures.DETECTED,
          ImportFixtures.SETTINGS, bytes -> { });
      assertEquals(result.rowsRead(), result.events() + result.leftOut().total() + result.bad().total());
    } catch (IllegalArgumentException refused) {
      assertTrue(refused.getMessage().contains("--delimiter") || refused.getMessage().contains("--map")
          || refused.getMessage().contains("header"), refused.getMessage());
    } finally {
      Files.delete(file);
    }
  }

  private static void check(List<String> lines, ImportFormat format, String delimiter) throws IOException {
    Path file = fileOf(lines);
    try {
      CsvImport.Options options = new CsvImport.Options(new Delimiter(delimiter), true,
          TimeReader.of("auto", ZoneId.of("UTC")), StandardCharsets.UTF_8);
      ImportResult result = CsvImport.read(file, format, options, ImportFixtures.SETTINGS, bytes -> { });

      long nonBlankRows = lines.stream().skip(1).filter(line -> line.chars().anyMatch(c -> c != ' ' && c != '\t'))
          .count();
      assertEquals(nonBlankRows, result.rowsRead());
      assertEquals(result.rowsRead(), result.events() + result.leftOut().total() + result.bad().total());
      Instant previous = Instant.MIN;
      for (Iterator<CustomerEvent> events = result.eventsByTime("p"); events.hasNext(); ) {
        CustomerEvent event = events.next();
        ParsedEvent parsed = HISTORY_READER.parse(HISTORY_READER.write(event));
        assertEquals(event, assertInstanceOf(ParsedEvent.Valid.class, parsed).event());
        assertTrue(!event.timestamp().isBefore(previous), "by time");
        previous = event.timestamp();
      }
      for (CatalogItem item : result.catalog()) {
        assertEquals(Optional.of(item), CATALOG_READER.parse(CATALOG_READER.write(item)));
      }
    } finally {
      Files.delete(file);
    }
  }

  @Provide
  Arbitrary<List<String>> ratingsFiles() {
    Arbitrary<String> row = Combinators.combine(
            value(Arbitraries.of("1", "u 2", "17850.0", "A2EFCYXHNK06IS")),
            value(Arbitraries.of("31", "034545104X", "sku/7")),
            value(Arbitraries.of("1", "4", "4.0", "5", "2.5")),
            value(Arbitraries.of("964982703", "1433221332117", "2010-12-01 08:26:00", "-1")))
        .as((a, b, c, d) -> String.join(",", a, b, c, d));
    return file("userId,movieId,rating,timestamp", row);
  }

  @Provide
  Arbitrary<List<String>> invoiceFiles() {
    Arbitrary<String> row = Combinators.combine(
            value(Arbitraries.of("536365", "C536379", "A1")),
            value(Arbitraries.of("85123A", "POST", "BANK CHARGES")),
            value(Arbitraries.of("WHITE HANGING HEART", "\"LOUNGE,SIGN\"", "")),
            value(Arbitraries.of("6", "-1", "0", "80995")),
            value(Arbitraries.of("2010-12-01 08:26:00", "2010-12-01T08:26:00Z")),
            value(Arbitraries.of("2.55", "0.0", "-11062.06")),
            value(Arbitraries.of("17850.0", "", "12583")))
        .as((a, b, c, d, e, f, g) -> String.join(",", a, b, c, d, e, f, g, "United Kingdom"));
    return file("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country", row);
  }

  @Provide
  Arbitrary<List<String>> mappedFiles() {
    Arbitrary<String> row = Combinators.combine(
            value(Arbitraries.of("c1", "c 2")),
            value(Arbitraries.of("i1", "i/2")),
            value(Arbitraries.of("1433221332117", "2026-10-01T10:00:00Z")),
            value(Arbitraries.of("seen", "bought", "wished")),
            value(Arbitraries.of("9.5", "", "-1")),
            value(Arbitraries.of("2", "", "0")),
            Combinators.combine(value(Arbitraries.of("s1", "")), value(Arbitraries.of("Tent", "")),
                value(Arbitraries.of("outdoor", ""))).as((s, t, c) -> String.join("\t", s, t, c)))
        .as((a, b, c, d, e, f, g) -> String.join("\t", a, b, c, d, e, f, g));
    return file(String.join("\t", "who", "what", "when", "kind", "cost", "n", "visit", "label", "shelf"), row);
  }

  @Provide
  Arbitrary<List<String>> anyFiles() {
    return Arbitraries.oneOf(Arbitraries.of(ANY), Arbitraries.strings().ofMaxLength(40),
            Arbitraries.strings().withChars("ab1,;\t:|\" ").ofMaxLength(30))
        .list().ofMinSize(1).ofMaxSize(30);
  }

  /** Mostly the right kind of value, sometimes any. */
  private static Arbitrary<String> value(Arbitrary<String> right) {
    return Arbitraries.frequencyOf(
        Tuple.of(6, right),
        Tuple.of(1, Arbitraries.of(ANY)),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(12)));
  }

  private static Arbitrary<List<String>> file(String header, Arbitrary<String> row) {
    Arbitrary<String> line = Arbitraries.frequencyOf(
        Tuple.of(8, row),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(60)),
        Tuple.of(1, Arbitraries.of(ANY)));
    return line.list().ofMaxSize(40).map(rows -> {
      List<String> lines = new ArrayList<>(rows.size() + 1);
      lines.add(header);
      lines.addAll(rows);
      return lines;
    });
  }

  /** The lines, each ending in a newline; a line break inside a generated line makes more lines. */
  private static Path fileOf(List<String> lines) throws IOException {
    Path file = Files.createTempFile("import-property", ".csv");
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line.replace('\n', ' ').replace('\r', ' ')).append('\n');
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
