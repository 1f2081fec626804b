package dev.concierge.offline.importing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DelimiterTest {

  private static final double AGREEMENT = 0.6;
  private static final Delimiter COMMA = new Delimiter(",");

  @Test
  void aQuotedFieldHoldsTheDelimiterAndDoubledQuotes() {
    assertArrayEquals(new String[] {"536381", "AIRLINE LOUNGE,METAL SIGN", "2"},
        COMMA.split("536381,\"AIRLINE LOUNGE,METAL SIGN\",2"));
    assertArrayEquals(new String[] {"RECORD FRAME 7\" SINGLE SIZE ", ""},
        COMMA.split("\"RECORD FRAME 7\"\" SINGLE SIZE \","));
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsKeptAsItIs() {
    assertArrayEquals(new String[] {"7\" SINGLE", "x"}, COMMA.split("7\" SINGLE,x"));
  }

  @Test
  void aDelimiterOfSeveralCharactersSplitsOnlyWhereItWhollyIs() {
    assertArrayEquals(new String[] {"1", "1193", "5", "978300760"}, new Delimiter("::").split("1::1193::5::978300760"));
    assertArrayEquals(new String[] {"a:b", "c"}, new Delimiter("::").split("a:b::c"));
  }

  @Test
  void emptyFieldsAreKeptAtEveryPlace() {
    assertArrayEquals(new String[] {"", "a", "", ""}, COMMA.split(",a,,"));
  }

  @Test
  void aQuoteLeftOpenMakesTheRowBad() {
    RowRejected rejected = assertThrows(RowRejected.class, () -> COMMA.split("1,\"open,2"));

    assertTrue(rejected.bad());
    assertEquals("a quoted field is not closed on its line", rejected.reason());
  }

  @Test
  void theDelimitersOfThePublicDataSetsAreTold() {
    assertEquals(",", sniff("userId,movieId,rating,timestamp", "1,1,4.0,964982703", "1,3,4.0,964981247"));
    assertEquals("\t", sniff("196\t242\t3\t881250949", "186\t302\t3\t891717742"));
    assertEquals("::", sniff("1::1193::5::978300760", "1::661::3::978302109"));
    assertEquals(";", sniff("\"User-ID\";\"ISBN\";\"Book-Rating\"", "\"276725\";\"034545104X\";\"0\"",
        "\"276726\";\"0155061224\";\"5\""));
    assertEquals(",", sniff("InvoiceNo,StockCode,Description,Quantity",
        "536381,82567,\"AIRLINE LOUNGE,METAL SIGN\",2", "536382,10002,INFLATABLE; POLITICAL GLOBE,12"));
  }

  @Test
  void linesThatNoCandidateSplitsAlikeAreRefusedWithWhatToPass() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> sniff("just one column", "another one"));

    assertTrue(error.getMessage().endsWith("pass --delimiter"), error.getMessage());
  }

  /**
   * Any fields, written as a CSV writer writes them, split back: quoted when they start with a quote or
   * hold a character of the delimiter (an unquoted {@code :} before {@code ::} would be ambiguous).
   */
  @Property(tries = 500)
  void fieldsWrittenAsCsvSplitBackToThemselves(@ForAll("fields") List<String> fields, @ForAll("delimiters") String text) {
    Delimiter delimiter = new Delimiter(text);
    List<String> written = new ArrayList<>();
    for (String field : fields) {
      boolean quoted = field.startsWith("\"") || field.chars().anyMatch(c -> text.indexOf(c) >= 0);
      written.add(quoted ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
    }

    assertEquals(fields, List.of(delimiter.split(String.join(text, written))));
  }

  @Property(tries = 1000)
  void anyLineSplitsOrIsABadRowNeverAnotherFailure(@ForAll("lines") String line, @ForAll("delimiters") String text) {
    try {
      String[] fields = new Delimiter(text).split(line);
      assertTrue(fields.length >= 1);
    } catch (RowRejected rejected) {
      assertTrue(rejected.bad());
    }
  }

  @Provide
  Arbitrary<List<String>> fields() {
    return Arbitraries.strings().withChars("ab,;:\"\t| 1").ofMaxLength(8).list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<String> lines() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab,;:\"\t| 1").ofMaxLength(40),
        Arbitraries.strings().ofMaxLength(40));
  }

  @Provide
  Arbitrary<String> delimiters() {
    return Arbitraries.of(",", ";", "\t", "|", "::", "ab");
  }

  private static String sniff(String... lines) {
    return Delimiter.sniff(List.of(lines), AGREEMENT).text();
  }
}
