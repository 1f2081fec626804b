package dev.concierge.persistence.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.concierge.models.EventHorizon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link EventJson}'s entry points agree on any input, valid or not: a record ({@link EventJson#parse(byte[])}),
 * a slice of a larger buffer, and the tree of the same text ({@link EventJson#fromTree}). Text that is
 * not one JSON value has no tree; the others then say that it is not JSON, or not an object. The
 * inputs are objects of the contract's fields in any order, with values right and wrong, unknown and
 * repeated fields, then sometimes cut, extended or replaced by arbitrary text.
 */
class EventJsonAgreementTest {

  private static final String NOT_AN_OBJECT = "expected an event JSON object";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectReader STRICT_TREES = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final EventHorizon LIVE_HORIZON =
      new EventHorizon.Live(Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC), Duration.ofHours(1));

  /** A wider form than the contract's, as replay has one: any ISO instant, or epoch milliseconds. */
  private static final TimestampForm EPOCH_OR_ISO = new TimestampForm() {
    @Override
    public Instant text(String text) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new InvalidEventField("field 'timestamp' must be a time, was '" + text + "'");
      }
    }

    @Override
    public Instant integer(long value) {
      return Instant.ofEpochMilli(value);
    }

    @Override
    public Instant other() {
      throw new InvalidEventField("field 'timestamp' must be a time");
    }
  };

  private static final List<EventJson> READERS = List.of(
      new EventJson(MAPPER), new EventJson(MAPPER, LIVE_HORIZON), new EventJson(MAPPER, EPOCH_OR_ISO));

  private static final List<String> IDS = List.of("\"e-1\"", "\"c_42\"", "\"sku-7\"", "\"s.9\"");
  private static final List<String> TYPES =
      List.of("\"view\"", "\"click\"", "\"add_to_cart\"", "\"purchase\"", "\"merge\"");
  // mostly another customer than IDS gives customerId, sometimes the same one, which a merge may not name
  private static final List<String> OTHER_CUSTOMERS = List.of("\"anon-1\"", "\"anon:7f3a\"", "\"c_42\"");
  private static final List<String> TIMES = List.of(
      "\"2026-11-26T10:00:00Z\"", "\"2026-11-26T10:00:00.250Z\"", "\"+1000000000-01-01T00:00:00Z\"", "1764151200000");
  private static final List<String> PRICES = List.of("59.5", "0", "12", "1e3");
  private static final List<String> QUANTITIES = List.of("1", "2", "2147483647");
  private static final List<String> CONTEXTS = List.of(
      "{\"page\":\"product\",\"position\":3,\"score\":1.50,\"tags\":[\"a\",1],\"gone\":null}",
      "{\"k\":\"v\",\"k\":null}", "{}", "{\"nested\":{\"a\":[true,false,null]}}");
  /** Wrong for some field or other. */
  private static final List<String> ANY = List.of(
      "null", "\"\"", "\" \"", "42", "-1", "0", "1.0", "1.5", "1e400", "3000000000", "12345678901234567890123", "true",
      "[1,\"a\"]", "{\"k\":1}", "\"e 1\"", "\"c/1\"", "\"sku\\n7\"", "\"vi\\u001bew\"", "\"wishlist\"",
      "\"yesterday\"", "\"2026-11-26T10:00:00\"", "\"" + "x".repeat(300) + "\"");
  private static final List<String> UNKNOWN = List.of("source", "extra", "Type", "timestamps", "");

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void everyEntryPointReadsTheSameEventOrTheSameReason(@ForAll("inputs") String input) {
    byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
    byte[] padded = ("pad{" + input + "}pad").getBytes(StandardCharsets.UTF_8);
    Optional<JsonNode> tree = tree(bytes);
    Statistics.label("contract").collect(outcome(READERS.get(0).parse(padded, "pad{".length(), bytes.length)));
    Statistics.label("contract").coverage(outcomes -> outcomes.check("valid").percentage(share -> share >= 10));
    for (EventJson json : READERS) {
      ParsedEvent slice = json.parse(padded, "pad{".length(), bytes.length);
      if (bytes.length > 0) {
        assertEquals(json.parse(bytes), slice, "a record and a slice");
      }
      if (tree.isPresent()) {
        assertEquals(json.fromTree(tree.get()), slice, "a tree and a slice");
      } else {
        // malformed JSON, or something that is not an object before it turns out malformed
        ParsedEvent.Invalid invalid = assertInstanceOf(ParsedEvent.Invalid.class, slice);
        assertTrue(invalid.reason().startsWith("not valid JSON: ") || invalid.reason().equals(NOT_AN_OBJECT),
            invalid.reason());
      }
    }
  }

  /** What the inputs make of an event: valid, or the first words of the reason. */
  private static String outcome(ParsedEvent parsed) {
    if (parsed instanceof ParsedEvent.Invalid invalid) {
      String[] words = invalid.reason().split(" ");
      return String.join(" ", List.of(words).subList(0, Math.min(3, words.length)));
    }
    return "valid";
  }

  @Provide
  Arbitrary<String> inputs() {
    Arbitrary<String> objects = objects();
    Arbitrary<String> cut = objects.flatMap(
        text -> Arbitraries.integers().between(0, text.length()).map(end -> text.substring(0, end)));
    Arbitrary<String> extended = Combinators.combine(objects, Arbitraries.of(" {}", " x", "]", ",", " ", "\n", "null"))
        .as(String::concat);
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(30);
    Arbitrary<String> values = Arbitraries.of(ANY);
    return Arbitraries.frequencyOf(
        Tuple.of(10, objects), Tuple.of(2, cut), Tuple.of(2, extended), Tuple.of(1, text), Tuple.of(1, values));
  }

  private static Arbitrary<String> objects() {
    List<Arbitrary<Optional<String>>> members = List.of(
        member("eventId", IDS), member("customerId", IDS), member("type", TYPES), member("itemId", IDS),
        member("fromCustomerId", OTHER_CUSTOMERS),
        member("timestamp", TIMES), member("price", PRICES), member("quantity", QUANTITIES),
        member("sessionId", IDS), member("context", CONTEXTS));
    Arbitrary<List<String>> unknown = Combinators.combine(Arbitraries.of(UNKNOWN), Arbitraries.of(ANY))
        .as(EventJsonAgreementTest::pair).list().ofMaxSize(2);
    // now and then a repeated field: the last one counts, on every path
    Arbitrary<List<String>> repeated = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(List.<String>of())),
        Tuple.of(1, Combinators.combine(Arbitraries.of("eventId", "timestamp", "context", "quantity"), Arbitraries.of(ANY))
            .as(EventJsonAgreementTest::pair).map(List::of)));
    return Combinators.combine(Combinators.combine(members).as(List::copyOf), unknown, repeated)
        .as((known, extra, again) -> {
          List<String> all = new ArrayList<>();
          known.forEach(member -> member.ifPresent(all::add));
          all.addAll(extra);
          all.addAll(again);
          return all;
        })
        .flatMap(Arbitraries::shuffle)
        .map(all -> "{" + String.join(",", all) + "}");
  }

  /** Mostly a right value, sometimes a wrong one or none. */
  private static Arbitrary<Optional<String>> member(String name, List<String> right) {
    return Arbitraries.frequencyOf(
        Tuple.of(40, Arbitraries.of(right).map(value -> Optional.of(pair(name, value)))),
        Tuple.of(3, Arbitraries.of(ANY).map(value -> Optional.of(pair(name, value)))),
        Tuple.of(1, Arbitraries.just(Optional.<String>empty())));
  }

  private static String pair(String name, String value) {
    try {
      return MAPPER.writeValueAsString(name) + ":" + value;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<JsonNode> tree(byte[] bytes) {
    try {
      return Optional.of(STRICT_TREES.readTree(bytes));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
