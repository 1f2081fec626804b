package dev.concierge.models;

import static dev.concierge.models.Fixtures.PURCHASED_ITEMS_LIMIT;
import static dev.concierge.models.Fixtures.RECENT_ITEMS_LIMIT;
import static dev.concierge.models.Fixtures.T0;
import static dev.concierge.models.Fixtures.event;
import static dev.concierge.models.Fixtures.settings;
import static dev.concierge.models.Fixtures.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Items the catalog does not hold: codes of the customer's own, bounded, never naming another item. */
class OwnItemsTest {

  private static final int CATALOG_ITEMS = 20;
  private static final int CATEGORIES = 5;
  private static final int UNKNOWN_IDS = 200;
  private static final int QUESTIONS_EVERY = 7;
  /** What the lists can hold at once: recent, viewed, clicked and carted, and purchased. */
  private static final int LIST_SLOTS = 4 * RECENT_ITEMS_LIMIT + PURCHASED_ITEMS_LIMIT;

  private final FeatureSettings settings = settings();
  private final Vocabulary vocabulary = catalogVocabulary();
  private final FeatureState state = new FeatureState(settings);

  @Test
  void idsNoCatalogHeldTeachTheSharedVocabularyNothingAndStayInTheLists() {
    int known = vocabulary.items().size();

    for (int i = 0; i < 10_000; i++) {
      state.apply(event(EventType.values()[i % 4], "made-up-" + i, T0.plusSeconds(i)), null, vocabulary, settings);
    }

    assertEquals(known, vocabulary.items().size());
    CustomerFeatures features = state.view(vocabulary);
    assertEquals(List.of("made-up-9999", "made-up-9998", "made-up-9997", "made-up-9996", "made-up-9995"),
        features.recent().items());
    assertEquals(List.of("made-up-9999", "made-up-9995", "made-up-9991", "made-up-9987", "made-up-9983"),
        features.purchased().items().subList(0, 5));
    assertEquals(10_000, features.events().total());
  }

  @Test
  void ownCodesStayWithinTheSlotsTheListsHaveHoweverManyIdsArrive() {
    for (int i = 0; i < 10_000; i++) {
      state.apply(event(EventType.values()[i % 4], "made-up-" + i, T0.plusSeconds(i)), null, vocabulary, settings);
    }

    // a code names a slot of the customer's table: -2 is the first, and there is one more than the lists hold
    int lowest = -2 - LIST_SLOTS;
    for (int code : state.recentItemCodes()) {
      assertTrue(code < -1 && code >= lowest, "code " + code);
    }
    for (int code : state.viewedItemCodes()) {
      assertTrue(code < -1 && code >= lowest, "code " + code);
    }
  }

  @Test
  void anIdTheCatalogHeldWhenRecordedGetsASharedCode() {
    state.apply(view("new-in-catalog", T0), "tents", vocabulary, settings);

    int code = vocabulary.items().codeOf("new-in-catalog");
    assertNotEquals(Interner.UNKNOWN, code);
    assertEquals(code, state.recentItemCodes()[0]);
  }

  @Test
  void recoveryFromAPictureTeachesTheSharedVocabularyNothing() {
    state.apply(view("made-up-1", T0), null, vocabulary, settings);
    state.apply(view("sku-3", T0.plusSeconds(1)), category(3), vocabulary, settings);
    state.apply(view("made-up-2", T0.plusSeconds(2)), null, vocabulary, settings);
    CustomerFeatures picture = state.view(vocabulary);
    int known = vocabulary.items().size();

    FeatureState recovered = FeatureState.of(picture, vocabulary, settings);

    assertEquals(picture, recovered.view(vocabulary));
    assertEquals(known, vocabulary.items().size());
    assertTrue(recovered.hasViewed(recovered.codeOf("made-up-1", vocabulary)));
    assertEquals(1, recovered.recencyRank(vocabulary.items().codeOf("sku-3")));
  }

  @Test
  void anItemTheCatalogTakesInLaterMeetsItsCandidateCodeOnceAdopted() {
    state.apply(view("late", T0), null, vocabulary, settings);
    state.apply(view("sku-1", T0.plusSeconds(1)), category(1), vocabulary, settings);
    CustomerFeatures before = state.view(vocabulary);

    int shared = vocabulary.items().intern("late");
    state.adoptSharedCodes(vocabulary);

    assertTrue(state.hasViewed(shared), "the candidate's code is the customer's code for it now");
    assertEquals(1, state.recencyRank(shared));
    assertEquals(before, state.view(vocabulary), "names and order are unchanged");
  }

  @Test
  void anEventForAnItemStillOnItsOwnCodeLeavesItInTheListsOnce() {
    state.apply(view("late", T0), null, vocabulary, settings);
    vocabulary.items().intern("late");

    state.apply(view("late", T0.plusSeconds(1)), "tents", vocabulary, settings);

    assertEquals(List.of("late"), state.view(vocabulary).recent().items());
    assertEquals(vocabulary.items().codeOf("late"), state.recentItemCodes()[0]);
  }

  /**
   * The property behind reusing codes: a customer whose unknown ids share a few codes of its own,
   * recycled as ids fall out of the lists, taken in by the catalog halfway and recovered from pictures
   * now and then, holds after every event exactly what a customer whose vocabulary knows every id
   * holds, and answers every question about every id the same.
   */
  @Test
  void recycledOwnCodesNeverNameAnotherItem() {
    Random random = new Random(13);
    Vocabulary everything = catalogVocabulary();
    for (int i = 0; i < UNKNOWN_IDS; i++) {
      everything.items().intern(unknown(i));
    }
    FeatureState reference = new FeatureState(settings);
    FeatureState own = new FeatureState(settings);

    for (int i = 0; i < 3_000; i++) {
      boolean catalogued = random.nextInt(10) < 3;
      int which = random.nextInt(catalogued ? CATALOG_ITEMS : UNKNOWN_IDS);
      String itemId = catalogued ? "sku-" + which : unknown(which);
      String category = catalogued ? category(which) : null;
      CustomerEvent event = event(EventType.values()[random.nextInt(4)], itemId, T0.plusSeconds(i));
      reference.apply(event, category, everything, settings);
      own.apply(event, category, vocabulary, settings);
      if (i == 1_500) {
        // the catalog takes a quarter of the unknown ids in
        for (int id = 0; id < UNKNOWN_IDS; id += 4) {
          vocabulary.items().intern(unknown(id));
        }
      }
      if (i % 500 == 499) {
        own = FeatureState.of(own.view(vocabulary), vocabulary, settings);
      }

      int after = i;
      assertEquals(reference.view(everything), own.view(vocabulary), () -> "after event " + after);
      if (i % QUESTIONS_EVERY == 0) {
        assertSameAnswers(reference, everything, own, after);
      }
    }
  }

  private void assertSameAnswers(FeatureState reference, Vocabulary everything, FeatureState own, int after) {
    own.adoptSharedCodes(vocabulary);
    for (String id : allIds()) {
      int expected = reference.codeOf(id, everything);
      int actual = own.codeOf(id, vocabulary);
      boolean same = reference.hasViewed(expected) == own.hasViewed(actual)
          && reference.hasCarted(expected) == own.hasCarted(actual)
          && reference.hasPurchased(expected) == own.hasPurchased(actual)
          && reference.recencyRank(expected) == own.recencyRank(actual);
      assertTrue(same, () -> id + " after event " + after);
    }
  }

  private static List<String> allIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < CATALOG_ITEMS; i++) {
      ids.add("sku-" + i);
    }
    for (int i = 0; i < UNKNOWN_IDS; i++) {
      ids.add(unknown(i));
    }
    return ids;
  }

  private static String unknown(int i) {
    return "made-up-" + i;
  }

  private static String category(int item) {
    return "c" + item % CATEGORIES;
  }

  /** As on a node: the vocabulary knows the catalog's items and categories. */
  private static Vocabulary catalogVocabulary() {
    Vocabulary vocabulary = Fixtures.vocabulary();
    for (int i = 0; i < CATALOG_ITEMS; i++) {
      vocabulary.items().intern("sku-" + i);
      vocabulary.categories().intern(category(i));
    }
    return vocabulary;
  }
}
