package dev.concierge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Reading the catalog by item code answers what reading it by name answers, for every code the
 * vocabulary has, whether it learnt the code before or after the codes were built.
 */
class CatalogCodesTest {

  @Property
  void everyCodeReadsTheItemAndCategoryItsNameReads(
      @ForAll @Size(max = 40) List<@IntRange(max = 60) Integer> catalogued,
      @ForAll @Size(max = 40) List<@IntRange(max = 60) Integer> knownBefore,
      @ForAll @Size(max = 40) List<@IntRange(max = 60) Integer> learntAfter) {
    List<CatalogItem> items = new ArrayList<>();
    catalogued.stream().distinct().forEach(n -> items.add(item(n)));
    Catalog catalog = Catalog.of(items);
    Vocabulary vocabulary = new Vocabulary(1_000, 1_000);
    knownBefore.forEach(n -> {
      vocabulary.items().intern("sku-" + n);
      vocabulary.categories().intern(category(n));
    });
    CatalogCodes codes = catalog.codes(vocabulary);
    learntAfter.forEach(n -> {
      vocabulary.items().intern("sku-" + n);
      vocabulary.categories().intern(category(n));
    });

    for (int code = 0; code < vocabulary.items().size(); code++) {
      String name = vocabulary.items().nameOf(code);
      CatalogItem byName = catalog.item(name);
      assertSame(byName, codes.item(code), name);
      if (byName != null) {
        assertEquals(vocabulary.categories().codeOf(byName.category()), codes.categoryOf(byName, code), name);
      }
    }
    assertNull(codes.item(Interner.UNKNOWN));
  }

  @Test
  void theCodesAreBuiltAgainOnceTheVocabularyLearntAnEighthMore() {
    List<CatalogItem> items = new ArrayList<>();
    for (int n = 0; n < 100; n++) {
      items.add(item(n));
    }
    Catalog catalog = Catalog.of(items);
    Vocabulary vocabulary = new Vocabulary(1_000, 1_000);
    for (int n = 0; n < 80; n++) {
      vocabulary.items().intern("sku-" + n);
    }
    CatalogCodes first = catalog.codes(vocabulary);
    for (int n = 80; n < 89; n++) {
      vocabulary.items().intern("sku-" + n);
    }
    assertSame(first, catalog.codes(vocabulary), "9 codes learnt: fewer than an eighth of 80");
    vocabulary.items().intern("sku-89");
    assertNotSame(first, catalog.codes(vocabulary), "10 codes learnt: an eighth of 80");
    assertNotSame(catalog.codes(vocabulary), catalog.codes(new Vocabulary(1_000, 1_000)), "another vocabulary");
  }

  private static CatalogItem item(int n) {
    return Fixtures.item("sku-" + n, category(n), n);
  }

  private static String category(int n) {
    return "category-" + (n % 7);
  }
}
