package dev.concierge.offline.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.Identifiers;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdTextTest {

  @ParameterizedTest
  @CsvSource({
    "034545104X, 034545104X",
    "' 17850 ', 17850",
    "17850.0, 17850",
    "17850.00, 17850",
    "17850.5, 17850.5",
    "1.0e5, 1.0e5",
    ".0, .0",
    "BANK CHARGES, BANK@0020CHARGES",
    "a@b.com, a@0040b.com",
    "sku/7, sku@002F7",
    "Müller, M@00FCller"
  })
  void publicIdsBecomeContractIds(String raw, String id) {
    assertEquals(id, IdText.of(raw, "item"));
  }

  @Test
  void anEmptyOrOverlongIdMakesTheRowBad() {
    assertEquals("no customer id", assertThrows(RowRejected.class, () -> IdText.of("  ", "customer")).reason());
    assertEquals("item id longer than 128 characters",
        assertThrows(RowRejected.class, () -> IdText.of(" ".repeat(3) + "x y".repeat(40), "item")).reason());
  }

  @Property(tries = 2000)
  void anyTextGivesAValidIdOrABadRow(@ForAll("texts") String raw) {
    try {
      assertEquals(Optional.empty(), Identifiers.problem("item", IdText.of(raw, "item")));
    } catch (RowRejected rejected) {
      assertTrue(rejected.bad());
    }
  }

  /** Ids that differ after trimming and dropping a zero fraction stay different: no two items merge. */
  @Property(tries = 2000)
  void distinctIdsStayDistinct(@ForAll("texts") String first, @ForAll("texts") String second) {
    String a = first.strip();
    String b = second.strip();
    if (a.isEmpty() || b.isEmpty() || a.equals(b) || a.matches("\\d+\\.0+") || b.matches("\\d+\\.0+")) {
      return;
    }
    try {
      assertNotEquals(IdText.of(a, "item"), IdText.of(b, "item"));
    } catch (RowRejected tooLong) {
      assertTrue(tooLong.reason().contains("longer than"));
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab1 @._-:/0").ofMaxLength(12),
        Arbitraries.strings().ofMaxLength(60));
  }
}
