package dev.concierge.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.models.recommend.ModelAssignment;
import dev.concierge.models.recommend.ServingModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The active model's per-category candidates follow the catalog, whenever the bundle was loaded. */
class ActiveModelTest {

  private static final int POPULAR_PER_LIST = 10;
  // the bundle's history: how popular each item was, whatever the catalog says now
  private static final CandidateTables TABLES =
      new CandidateTables(Map.of(), Map.of(), Map.of("boot", 30.0, "sandal", 20.0, "tent", 10.0));

  private final Vocabulary vocabulary = new Vocabulary(100, 10);
  private final ActiveModel models = new ActiveModel(vocabulary, POPULAR_PER_LIST);

  @Test
  void anItemMovedToAnotherCategoryOrNewInTheCatalogIsOfferedInItsCategory() {
    Catalog before = Catalog.of(List.of(item("boot", "shoes"), item("sandal", "shoes")));
    models.catalogChanged(before);
    install(ServingModel.popularity(TABLES, before, vocabulary, POPULAR_PER_LIST));
    assertPopular("shoes", "boot", "sandal");
    assertPopular("tents");

    models.catalogChanged(before.withChanges(List.of(item("sandal", "summer"), item("tent", "tents")), List.of()));

    assertPopular("shoes", "boot");
    assertPopular("summer", "sandal");
    assertPopular("tents", "tent");
  }

  @Test
  void aBundleLoadedBeforeTheCatalogWasReadIsFiledByTheCatalogOnceItArrives() {
    // a node that starts installs the stored assignment before its catalog consumer has read the topic
    ServingModel loadedOnAnEmptyCatalog = ServingModel.popularity(TABLES, Catalog.EMPTY, vocabulary, POPULAR_PER_LIST);
    models.catalogChanged(Catalog.of(List.of(item("boot", "shoes"), item("tent", "tents"))));

    install(loadedOnAnEmptyCatalog);

    assertPopular("shoes", "boot");
    assertPopular("tents", "tent");
  }

  private void install(ServingModel model) {
    models.install(ModelAssignment.NONE.activate(model.version()), Map.of(model.version(), model));
  }

  private void assertPopular(String category, String... itemIds) {
    int[] expected = new int[itemIds.length];
    for (int i = 0; i < itemIds.length; i++) {
      expected[i] = vocabulary.items().codeOf(itemIds[i]);
    }
    ServingModel served = models.choose("any-customer").model();
    int[] listed = served.tables().mostPopularIn(vocabulary.categories().codeOf(category));
    assertArrayEquals(expected, listed, "the popular items of " + category);
  }

  private static CatalogItem item(String itemId, String category) {
    return new CatalogItem(itemId, category, 10, true, itemId, 1);
  }
}
