package dev.concierge.models;

import static dev.concierge.models.Fixtures.RECENT_ITEMS_LIMIT;
import static dev.concierge.models.Fixtures.minutesAfterT0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link FeatureState#absorb}: the history of an anonymous shopper who logged in, taken over by the known
 * customer. Counts add, the item lists interleave by recency within their limits, affinities add once
 * decayed to the same time, purchases unite, the more recent session wins; and it never throws.
 */
class FeatureStateAbsorbTest {

  private static final List<String> ITEMS = List.of("i-1", "i-2", "i-3", "i-4", "i-5", "i-6", "i-7", "i-8", "i-9");
  private static final List<String> CATEGORIES = List.of("shoes", "tents", "socks", "stoves", "maps", "hats");
  private static final int MAX_EVENTS = 25;

  private final FeatureSettings settings = Fixtures.settings();

  // --- properties

  @Property(tries = 300)
  void absorbingAnEmptyHistoryChangesNothing(@ForAll("histories") List<EventRecorded> history) {
    Vocabulary vocabulary = Fixtures.vocabulary();
    FeatureState state = Fixtures.fold(history, vocabulary);
    CustomerFeatures before = state.view(vocabulary);

    state.absorb(CustomerFeatures.EMPTY, vocabulary, settings);

    assertEquals(before, state.view(vocabulary));
  }

  @Property(tries = 300)
  void countsSpendAndUnitsAddExactly(
      @ForAll("histories") List<EventRecorded> known, @ForAll("histories") List<EventRecorded> anonymous) {
    Absorbed absorbed = absorb(known, anonymous);
    CustomerFeatures mine = absorbed.mine();
    CustomerFeatures other = absorbed.other();
    CustomerFeatures merged = absorbed.merged();

    assertEquals(mine.events().plus(other.events()), merged.events());
    assertEquals(mine.events().total() + other.events().total(), absorbed.state().eventCount());
    assertEquals(mine.totalSpend() + other.totalSpend(), merged.totalSpend(), 1e-9 * (1 + merged.totalSpend()));
    assertEquals(mine.unitsPurchased() + other.unitsPurchased(), merged.unitsPurchased());
    assertEquals(latest(mine.lastEventAt(), other.lastEventAt()), merged.lastEventAt());
  }

  @Property(tries = 300)
  void theListsUniteBothShoppersItemsEachOnceWithinTheirLimits(
      @ForAll("histories") List<EventRecorded> known, @ForAll("histories") List<EventRecorded> anonymous) {
    Absorbed absorbed = absorb(known, anonymous);
    CustomerFeatures mine = absorbed.mine();
    CustomerFeatures other = absorbed.other();
    CustomerFeatures merged = absorbed.merged();

    assertUnion(mine.recent().items(), other.recent().items(), merged.recent().items(), settings.recentItemsLimit());
    assertUnion(mine.viewed().items(), other.viewed().items(), merged.viewed().items(), settings.recentItemsLimit());
    assertUnion(mine.clicked().items(), other.clicked().items(), merged.clicked().items(), settings.recentItemsLimit());
    assertUnion(mine.carted().items(), other.carted().items(), merged.carted().items(), settings.recentItemsLimit());
    assertUnion(mine.purchased().items(), other.purchased().items(), merged.purchased().items(),
        settings.purchasedItemsLimit());
    assertUnion(mine.purchasedCategories(), other.purchasedCategories(), merged.purchasedCategories(),
        settings.affinityCategoriesLimit());
    assertTrue(merged.categoryAffinity().scores().size() <= settings.affinityCategoriesLimit());
    Set<String> categories = new HashSet<>(mine.categoryAffinity().scores().keySet());
    categories.addAll(other.categoryAffinity().scores().keySet());
    assertTrue(categories.containsAll(merged.categoryAffinity().scores().keySet()));
    assertEquals(Math.min(categories.size(), settings.affinityCategoriesLimit()),
        merged.categoryAffinity().scores().size(), "the strongest categories stay, as many as fit");
    SessionFeatures session = merged.session();
    assertTrue(session.equals(mine.session()) || session.equals(other.session()), "one of the two sessions");
  }

  @Property(tries = 200)
  void theMergedStateRecoversFromItsSnapshotToTheSamePicture(
      @ForAll("histories") List<EventRecorded> known, @ForAll("histories") List<EventRecorded> anonymous) {
    Vocabulary vocabulary = Fixtures.vocabulary();
    FeatureState state = Fixtures.fold(known, vocabulary);
    state.absorb(Fixtures.fold(anonymous, vocabulary).view(vocabulary), vocabulary, settings);

    CustomerFeatures merged = state.view(vocabulary);

    assertEquals(merged, FeatureState.of(merged, vocabulary, settings).view(vocabulary));
  }

  @Property(tries = 300)
  void absorbNeverThrowsAndKeepsEveryFeatureReadableWhateverItIsHanded(
      @ForAll("histories") List<EventRecorded> known, @ForAll("extremeFeatures") CustomerFeatures other) {
    // a small vocabulary, so that full vocabularies and items of the customer's own are exercised too
    Vocabulary vocabulary = new Vocabulary(4, 3);
    FeatureState state = Fixtures.fold(known, vocabulary);

    state.absorb(other, vocabulary, settings);
    state.absorb(other, vocabulary, settings);

    CustomerFeatures merged = state.view(vocabulary);
    assertTrue(Double.isFinite(state.averagePricePaid()) && state.averagePricePaid() >= 0);
    merged.categoryAffinity().shares().values().forEach(share -> assertTrue(share >= 0 && share <= 1, "share " + share));
    assertTrue(merged.recent().items().size() <= settings.recentItemsLimit());
    assertTrue(merged.purchased().items().size() <= settings.purchasedItemsLimit());
    assertTrue(merged.categoryAffinity().scores().size() <= settings.affinityCategoriesLimit());
    assertEquals(merged.recent().items().size(), new HashSet<>(merged.recent().items()).size(), "each item once");
    assertTrue(merged.session().categories().size() <= settings.sessionCategoriesLimit());
  }

  // --- examples

  @Test
  void theMoreRecentShoppersItemsLeadAndTheListsInterleave() {
    Vocabulary vocabulary = Fixtures.vocabulary();
    FeatureState known = Fixtures.fold(List.of(
        Fixtures.recorded(Fixtures.view("k-1", minutesAfterT0(0)), "tents"),
        Fixtures.recorded(Fixtures.view("k-2", minutesAfterT0(1)), "tents"),
        Fixtures.recorded(Fixtures.view("k-3", minutesAfterT0(2)), "tents")), vocabulary);
    FeatureState anonymous = Fixtures.fold(List.of(
        Fixtures.recorded(Fixtures.view("a-1", minutesAfterT0(10)), "shoes"),
        Fixtures.recorded(Fixtures.view("k-1", minutesAfterT0(11)), "tents"),
        Fixtures.recorded(Fixtures.view("a-2", minutesAfterT0(12)), "shoes")), vocabulary);

    known.absorb(anonymous.view(vocabulary), vocabulary, settings);

    CustomerFeatures merged = known.view(vocabulary);
    // anonymous [a-2, k-1, a-1], known [k-3, k-2, k-1]: alternately, the anonymous (more recent) first, each once
    assertEquals(List.of("a-2", "k-3", "k-1", "k-2", "a-1"), merged.recent().items());
    assertEquals(RECENT_ITEMS_LIMIT, merged.recent().items().size());
    assertEquals(6, merged.events().view());
    assertEquals(minutesAfterT0(12), merged.lastEventAt());
  }

  @Test
  void affinitiesDecayToTheSameInstantBeforeTheyAdd() {
    Vocabulary vocabulary = Fixtures.vocabulary();
    // one half-life apart: the known customer's tents interest counts half at the anonymous shopper's time
    FeatureState known = Fixtures.fold(List.of(
        Fixtures.recorded(Fixtures.view("k-1", Fixtures.hoursAfterT0(0)), "tents")), vocabulary);
    FeatureState anonymous = Fixtures.fold(List.of(
        Fixtures.recorded(Fixtures.view("a-1", Fixtures.hoursAfterT0(1)), "shoes"),
        Fixtures.recorded(Fixtures.view("a-2", Fixtures.hoursAfterT0(1)), "tents")), vocabulary);

    known.absorb(anonymous.view(vocabulary), vocabulary, settings);

    CategoryAffinity affinity = known.view(vocabulary).categoryAffinity();
    assertEquals(Fixtures.hoursAfterT0(1), affinity.asOf());
    assertEquals(1.5, affinity.scores().get("tents"), 1e-6, "0.5 decayed + 1");
    assertEquals(1.0, affinity.scores().get("shoes"), 1e-6);
    assertEquals(0.6, affinity.share("tents"), 1e-6);
  }

  @Test
  void purchasesUniteAndTheMoreRecentSessionIsKept() {
    Vocabulary vocabulary = Fixtures.vocabulary();
    FeatureState known = Fixtures.fold(List.of(
        Fixtures.recorded(Fixtures.purchase("k-1", minutesAfterT0(0), 10.0, 2), "tents"),
        Fixtures.recorded(Fixtures.inSession("s-old", EventType.VIEW, "k-2", minutesAfterT0(1)), "tents")), vocabulary);
    FeatureState anonymous = Fixtures.fold(List.of(
        Fixtures.recorded(Fixtures.inSession("s-new", EventType.VIEW, "a-1", Fixtures.hoursAfterT0(5)), "shoes"),
        Fixtures.recorded(Fixtures.purchase("a-2", Fixtures.hoursAfterT0(5).plusSeconds(60), 30.0, 1), "shoes")),
        vocabulary);
    CustomerFeatures anonymousFeatures = anonymous.view(vocabulary);

    known.absorb(anonymousFeatures, vocabulary, settings);

    CustomerFeatures merged = known.view(vocabulary);
    assertEquals(List.of("a-2", "k-1"), merged.purchased().items());
    assertEquals(List.of("shoes", "tents"), merged.purchasedCategories());
    assertEquals(50.0, merged.totalSpend(), 1e-9);
    assertEquals(3, merged.unitsPurchased());
    assertEquals(anonymousFeatures.session(), merged.session(), "the anonymous shopper's session is the current one");
    assertTrue(known.hasPurchased(known.codeOf("k-1", vocabulary)));
    assertTrue(known.hasPurchased(known.codeOf("a-2", vocabulary)));
  }

  @Test
  void itemsNoCatalogHeldStayTheCustomersOwnAndTeachTheVocabularyNothing() {
    Vocabulary vocabulary = Fixtures.vocabulary();
    FeatureState known = Fixtures.fold(List.of(
        Fixtures.recorded(Fixtures.view("made-up-k", minutesAfterT0(0)), null)), vocabulary);
    FeatureState anonymous = Fixtures.fold(List.of(
        Fixtures.recorded(Fixtures.view("made-up-a", minutesAfterT0(1)), null),
        Fixtures.recorded(Fixtures.view("shoe", minutesAfterT0(2)), "shoes")), vocabulary);
    int sharedItems = vocabulary.items().size();

    known.absorb(anonymous.view(vocabulary), vocabulary, settings);

    assertEquals(List.of("shoe", "made-up-k", "made-up-a"), known.view(vocabulary).recent().items());
    assertEquals(sharedItems, vocabulary.items().size());
    assertEquals(Interner.UNKNOWN, vocabulary.items().codeOf("made-up-a"));
  }

  @Test
  void aMergeEventItselfChangesNoFeature() {
    Vocabulary vocabulary = Fixtures.vocabulary();
    FeatureState state = Fixtures.fold(List.of(Fixtures.recorded(Fixtures.view("i-1", minutesAfterT0(0)), "shoes")),
        vocabulary);
    CustomerFeatures before = state.view(vocabulary);

    state.apply(CustomerEvent.merge("m-1", "c-1", "anon-1", minutesAfterT0(10)), null, vocabulary, settings);

    assertEquals(before, state.view(vocabulary));
  }

  // --- helpers and generators

  /** The known customer's features before, the anonymous ones it absorbed, and the state and features after. */
  private record Absorbed(CustomerFeatures mine, CustomerFeatures other, FeatureState state, CustomerFeatures merged) {}

  private Absorbed absorb(List<EventRecorded> known, List<EventRecorded> anonymous) {
    Vocabulary vocabulary = Fixtures.vocabulary();
    FeatureState state = Fixtures.fold(known, vocabulary);
    CustomerFeatures mine = state.view(vocabulary);
    CustomerFeatures other = Fixtures.fold(anonymous, vocabulary).view(vocabulary);
    state.absorb(other, vocabulary, settings);
    return new Absorbed(mine, other, state, state.view(vocabulary));
  }

  private static void assertUnion(List<String> mine, List<String> other, List<String> merged, int limit) {
    Set<String> union = new LinkedHashSet<>(mine);
    union.addAll(other);
    assertTrue(merged.size() <= limit, merged + " within " + limit);
    assertEquals(merged.size(), new HashSet<>(merged).size(), "each once: " + merged);
    assertTrue(union.containsAll(merged), merged + " only from " + union);
    assertEquals(Math.min(limit, union.size()), merged.size(), "as many as fit: " + merged + " of " + union);
    // the items only one shopper had keep that shopper's order (one both had stands where it came first)
    List<String> onlyMine = mine.stream().filter(item -> !other.contains(item)).toList();
    List<String> onlyOther = other.stream().filter(item -> !mine.contains(item)).toList();
    assertTrue(inOrder(merged, onlyMine) && inOrder(merged, onlyOther),
        merged + " keeps the order of " + mine + " and " + other);
  }

  private static boolean inOrder(List<String> merged, List<String> source) {
    int last = -1;
    for (String item : source) {
      int at = merged.indexOf(item);
      if (at < 0) {
        continue;
      }
      if (at < last) {
        return false;
      }
      last = at;
    }
    return true;
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  @Provide
  Arbitrary<List<EventRecorded>> histories() {
    Arbitrary<EventRecorded> events = Combinators.combine(
            Arbitraries.of(EventType.interactions()), Arbitraries.of(ITEMS), Arbitraries.of(CATEGORIES).injectNull(0.2),
            Arbitraries.integers().between(0, 60 * 24 * 14), Arbitraries.doubles().between(0, 500).injectNull(0.3),
            Arbitraries.integers().between(1, 5), Arbitraries.of("s-1", "s-2").injectNull(0.5))
        .as((type, item, category, minute, price, quantity, session) -> Fixtures.recorded(
            Fixtures.event(type, item, minutesAfterT0(minute), price, quantity, session), category));
    return events.list().ofMaxSize(MAX_EVENTS)
        .map(list -> {
          List<EventRecorded> sorted = new ArrayList<>(list);
          sorted.sort((a, b) -> a.event().timestamp().compareTo(b.event().timestamp()));
          return sorted;
        });
  }

  /** Features no feature function would make: huge and negative counts, non-finite scores, odd times and names. */
  @Provide
  Arbitrary<CustomerFeatures> extremeFeatures() {
    Arbitrary<Long> counts = Arbitraries.oneOf(
        Arbitraries.longs().between(0, 100), Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, -1L, (long) Integer.MAX_VALUE));
    Arbitrary<Instant> times = Arbitraries.of(
        Instant.MIN, Instant.MAX, Instant.EPOCH, Fixtures.T0, Fixtures.T0.plus(Duration.ofDays(3650))).injectNull(0.3);
    Arbitrary<Double> numbers = Arbitraries.of(
        0.0, 1.0, -1.0, Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        1e300);
    Arbitrary<String> names = Arbitraries.oneOf(
        Arbitraries.of(ITEMS), Arbitraries.of(CATEGORIES), Arbitraries.of("", "x".repeat(1000), "made-up"));
    Arbitrary<List<String>> lists = names.list().ofMaxSize(30);
    Arbitrary<EventCounts> eventCounts = Combinators.combine(counts, counts, counts, counts).as(EventCounts::new);
    Arbitrary<CategoryAffinity> affinities = Combinators.combine(Arbitraries.maps(names, numbers).ofMaxSize(12), times)
        .as(CategoryAffinity::new);
    Arbitrary<SessionFeatures> sessions = Combinators.combine(
            times, Arbitraries.integers().between(-5, Integer.MAX_VALUE), lists, Arbitraries.integers())
        .as(SessionFeatures::new);
    Arbitrary<Map.Entry<Double, Integer>> spend = Combinators.combine(numbers, Arbitraries.integers())
        .as(Map::entry);
    return Combinators.combine(eventCounts, spend, times, affinities, lists, lists, lists, sessions)
        .as((events, paid, last, affinity, recent, viewed, purchased, session) -> new CustomerFeatures(
            events, paid.getKey(), paid.getValue(), last, affinity, new RecentItems(recent), new RecentItems(viewed),
            new RecentItems(recent), new RecentItems(viewed), new RecentItems(purchased), purchased, session));
  }
}
