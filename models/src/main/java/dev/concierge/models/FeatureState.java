package dev.concierge.models;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's live features in compact form, and the feature function that updates them: the
 * customer actor and offline replay both fold every event in through {@link #apply}, so online and
 * offline features are the same.
 *
 * <p>Items and categories are held as {@link Vocabulary} codes in primitive arrays of fixed size, so
 * the state stays a few hundred bytes however long the history. Mutable and owned by one actor (or
 * one replay thread); {@link #view} makes the immutable {@link CustomerFeatures} that leaves it.
 */
public final class FeatureState {

  private static final int EMPTY = -1;
  private static final long NEVER = Long.MIN_VALUE;

  private int views;
  private int clicks;
  private int carts;
  private int purchases;
  private double totalSpend;
  private int unitsPurchased;
  private long lastEventAt = NEVER;

  // decayed interest per category, as of affinityAsOf; only shares are ever read, so no clock is needed
  private final int[] affinityCategories;
  private final float[] affinityScores;
  private int affinitySize;
  private long affinityAsOf = NEVER;

  private final int[] recent;
  private final int[] viewed;
  private final int[] clicked;
  private final int[] carted;
  private final int[] purchased;
  private final int[] purchasedCategories;

  private long sessionStartedAt = NEVER;
  private int sessionEvents;
  private int sessionKey;
  private final int[] sessionCategories;

  public FeatureState(FeatureSettings settings) {
    affinityCategories = new int[settings.affinityCategoriesLimit()];
    affinityScores = new float[settings.affinityCategoriesLimit()];
    recent = emptyList(settings.recentItemsLimit());
    viewed = emptyList(settings.recentItemsLimit());
    clicked = emptyList(settings.recentItemsLimit());
    carted = emptyList(settings.recentItemsLimit());
    purchased = emptyList(settings.purchasedItemsLimit());
    // as many as affinity tracks: a category-wide purchase rule needs no longer memory than interest
    purchasedCategories = emptyList(settings.affinityCategoriesLimit());
    sessionCategories = emptyList(settings.sessionCategoriesLimit());
  }

  /**
   * The feature function as replay uses it: folds one event in at its own time, whatever that is.
   *
   * @param category the item's category when the event was recorded, or {@code null} if unknown
   */
  public void apply(CustomerEvent event, String category, Vocabulary vocabulary, FeatureSettings settings) {
    apply(event, category, vocabulary, settings, EventHorizon.NONE);
  }

  /**
   * The feature function: folds one event in, counting it no later than {@code horizon}, so that a
   * future-dated event can neither stop the affinity decay nor hold the session open. Never throws
   * for an event that could be constructed: any timestamp, price or quantity.
   *
   * @param category the item's category when the event was recorded, or {@code null} if unknown
   */
  public void apply(
      CustomerEvent event, String category, Vocabulary vocabulary, FeatureSettings settings, EventHorizon horizon) {
    long at = horizon.countedMillis(event.timestamp());
    int item = vocabulary.items().intern(event.itemId());
    int categoryCode = category == null ? EMPTY : vocabulary.categories().intern(category);
    updateSession(event, at, categoryCode, settings);
    count(event);
    lastEventAt = Math.max(lastEventAt, at);
    if (categoryCode != EMPTY) {
      recordInterest(categoryCode, settings.weightOf(event.type()), at, settings, vocabulary);
    }
    if (item != EMPTY) {
      pushFront(recent, item);
      pushFront(listFor(event.type()), item);
    }
    if (event.type() == EventType.PURCHASE && categoryCode != EMPTY) {
      pushFront(purchasedCategories, categoryCode);
    }
  }

  private void count(CustomerEvent event) {
    switch (event.type()) {
      case VIEW -> views++;
      case CLICK -> clicks++;
      case ADD_TO_CART -> carts++;
      case PURCHASE -> {
        purchases++;
        if (event.price() != null) {
          // saturated, so that the average price paid stays a finite number whatever producers send
          totalSpend = Math.min(Double.MAX_VALUE, totalSpend + event.price() * event.quantity());
          unitsPurchased = (int) Math.min(Integer.MAX_VALUE, (long) unitsPurchased + event.quantity());
        }
      }
    }
  }

  private int[] listFor(EventType type) {
    return switch (type) {
      case VIEW -> viewed;
      case CLICK -> clicked;
      case ADD_TO_CART -> carted;
      case PURCHASE -> purchased;
    };
  }

  private void updateSession(CustomerEvent event, long at, int categoryCode, FeatureSettings settings) {
    int key = event.sessionId() == null ? 0 : event.sessionId().hashCode();
    boolean idleTooLong = lastEventAt != NEVER && at - lastEventAt > settings.sessionIdleTimeout().toMillis();
    boolean otherSession = key != 0 && sessionKey != 0 && key != sessionKey;
    if (sessionStartedAt == NEVER || idleTooLong || otherSession) {
      sessionStartedAt = at;
      sessionEvents = 0;
      Arrays.fill(sessionCategories, EMPTY);
    }
    if (key != 0) {
      sessionKey = key;
    }
    sessionEvents++;
    if (categoryCode != EMPTY) {
      pushFront(sessionCategories, categoryCode);
    }
  }

  private void recordInterest(int category, double weight, long at, FeatureSettings settings, Vocabulary vocabulary) {
    if (weight <= 0) {
      return;
    }
    double halfLifeMillis = settings.affinityHalfLife().toMillis();
    float added = (float) weight;
    if (affinityAsOf == NEVER || at > affinityAsOf) {
      if (affinityAsOf != NEVER) {
        float decay = (float) Math.pow(0.5, (at - affinityAsOf) / halfLifeMillis);
        for (int i = 0; i < affinitySize; i++) {
          affinityScores[i] *= decay;
        }
      }
      affinityAsOf = at;
    } else {
      // a late event counts as much as it would have, had it arrived in order
      added = (float) (weight * Math.pow(0.5, (affinityAsOf - at) / halfLifeMillis));
    }
    int slot = affinitySlotOf(category);
    if (slot == EMPTY) {
      slot = affinitySize < affinityCategories.length ? affinitySize++ : weakestAffinitySlot(vocabulary);
      affinityCategories[slot] = category;
      affinityScores[slot] = 0;
    }
    affinityScores[slot] += added;
  }

  private int affinitySlotOf(int category) {
    for (int i = 0; i < affinitySize; i++) {
      if (affinityCategories[i] == category) {
        return i;
      }
    }
    return EMPTY;
  }

  // ties go by name, not code: codes depend on arrival order, which replay need not share
  private int weakestAffinitySlot(Vocabulary vocabulary) {
    int weakest = 0;
    for (int i = 1; i < affinitySize; i++) {
      float a = affinityScores[i];
      float b = affinityScores[weakest];
      if (a < b || (a == b && name(vocabulary, affinityCategories[i]).compareTo(name(vocabulary, affinityCategories[weakest])) > 0)) {
        weakest = i;
      }
    }
    return weakest;
  }

  private static String name(Vocabulary vocabulary, int category) {
    return vocabulary.categories().nameOf(category);
  }

  /** This category's share of all interest, in [0, 1]. */
  public double affinityFor(int category) {
    int slot = affinitySlotOf(category);
    if (slot == EMPTY) {
      return 0;
    }
    double total = affinityTotal();
    return total <= 0 ? 0 : affinityScores[slot] / total;
  }

  private double affinityTotal() {
    double total = 0;
    for (int i = 0; i < affinitySize; i++) {
      total += affinityScores[i];
    }
    return total;
  }

  public boolean hasPurchased(int item) {
    return contains(purchased, item);
  }

  public boolean hasPurchasedIn(int category) {
    return contains(purchasedCategories, category);
  }

  public boolean inSession(int category) {
    return contains(sessionCategories, category);
  }

  public boolean hasViewed(int item) {
    return contains(viewed, item);
  }

  /** How far back the item was touched: 0 for the latest item of any kind, -1 when not recent. */
  public int recencyRank(int item) {
    if (item == EMPTY) {
      return EMPTY;
    }
    for (int i = 0; i < recent.length && recent[i] != EMPTY; i++) {
      if (recent[i] == item) {
        return i;
      }
    }
    return EMPTY;
  }

  public boolean hasCarted(int item) {
    return contains(carted, item);
  }

  /** The most recent items touched, most recent first; entries after the first EMPTY are unused. */
  public int[] recentItemCodes() {
    return recent;
  }

  /** The most recent items viewed, most recent first; entries after the first EMPTY are unused. */
  public int[] viewedItemCodes() {
    return viewed;
  }

  public int affinityCategoryCount() {
    return affinitySize;
  }

  public int affinityCategoryAt(int slot) {
    return affinityCategories[slot];
  }

  public int eventCount() {
    return views + clicks + carts + purchases;
  }

  public int purchaseCount() {
    return purchases;
  }

  public long lastEventAtMillis() {
    return lastEventAt;
  }

  public int sessionEvents() {
    return sessionEvents;
  }

  public double averagePricePaid() {
    return unitsPurchased == 0 ? 0 : totalSpend / unitsPurchased;
  }

  /** An immutable copy with names instead of codes. */
  public CustomerFeatures view(Vocabulary vocabulary) {
    Map<String, Double> scores = new HashMap<>(affinitySize * 2);
    for (int i = 0; i < affinitySize; i++) {
      scores.put(name(vocabulary, affinityCategories[i]), (double) affinityScores[i]);
    }
    return new CustomerFeatures(
        new EventCounts(views, clicks, carts, purchases),
        totalSpend,
        unitsPurchased,
        instant(lastEventAt),
        new CategoryAffinity(scores, instant(affinityAsOf)),
        new RecentItems(names(recent, vocabulary.items())),
        new RecentItems(names(viewed, vocabulary.items())),
        new RecentItems(names(clicked, vocabulary.items())),
        new RecentItems(names(carted, vocabulary.items())),
        new RecentItems(names(purchased, vocabulary.items())),
        names(purchasedCategories, vocabulary.categories()),
        new SessionFeatures(
            instant(sessionStartedAt), sessionEvents, names(sessionCategories, vocabulary.categories()), sessionKey));
  }

  /** The compact state of an immutable picture, as when recovering from a snapshot. */
  public static FeatureState of(CustomerFeatures features, Vocabulary vocabulary, FeatureSettings settings) {
    FeatureState state = new FeatureState(settings);
    EventCounts events = features.events();
    state.views = (int) events.view();
    state.clicks = (int) events.click();
    state.carts = (int) events.addToCart();
    state.purchases = (int) events.purchase();
    state.totalSpend = features.totalSpend();
    state.unitsPurchased = features.unitsPurchased();
    state.lastEventAt = millis(features.lastEventAt());
    state.affinityAsOf = millis(features.categoryAffinity().asOf());
    for (Map.Entry<String, Double> score : strongestFirst(features.categoryAffinity())) {
      if (state.affinitySize == state.affinityCategories.length) {
        break;
      }
      int category = vocabulary.categories().intern(score.getKey());
      if (category != EMPTY) {
        state.affinityCategories[state.affinitySize] = category;
        state.affinityScores[state.affinitySize++] = score.getValue().floatValue();
      }
    }
    fill(state.recent, features.recent().items(), vocabulary.items());
    fill(state.viewed, features.viewed().items(), vocabulary.items());
    fill(state.clicked, features.clicked().items(), vocabulary.items());
    fill(state.carted, features.carted().items(), vocabulary.items());
    fill(state.purchased, features.purchased().items(), vocabulary.items());
    fill(state.purchasedCategories, features.purchasedCategories(), vocabulary.categories());
    SessionFeatures session = features.session();
    state.sessionStartedAt = millis(session.startedAt());
    state.sessionEvents = session.events();
    state.sessionKey = session.key();
    fill(state.sessionCategories, session.categories(), vocabulary.categories());
    return state;
  }

  private static List<Map.Entry<String, Double>> strongestFirst(CategoryAffinity affinity) {
    List<Map.Entry<String, Double>> entries = new ArrayList<>(affinity.scores().entrySet());
    entries.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    return entries;
  }

  private static int[] emptyList(int size) {
    int[] list = new int[size];
    Arrays.fill(list, EMPTY);
    return list;
  }

  /** Moves {@code code} to the front, shifting the others back and dropping the last. */
  private static void pushFront(int[] list, int code) {
    int at = list.length - 1;
    for (int i = 0; i < list.length; i++) {
      if (list[i] == code || list[i] == EMPTY) {
        at = i;
        break;
      }
    }
    System.arraycopy(list, 0, list, 1, at);
    list[0] = code;
  }

  private static boolean contains(int[] list, int code) {
    if (code == EMPTY) {
      return false;
    }
    for (int value : list) {
      if (value == code) {
        return true;
      }
      if (value == EMPTY) {
        return false;
      }
    }
    return false;
  }

  private static List<String> names(int[] list, Interner interner) {
    List<String> names = new ArrayList<>(list.length);
    for (int code : list) {
      if (code == EMPTY) {
        break;
      }
      names.add(interner.nameOf(code));
    }
    return names;
  }

  private static void fill(int[] list, List<String> names, Interner interner) {
    int size = 0;
    for (String name : names) {
      if (size == list.length) {
        break;
      }
      int code = interner.intern(name);
      if (code != EMPTY) {
        list[size++] = code;
      }
    }
  }

  private static Instant instant(long millis) {
    return millis == NEVER ? null : Instant.ofEpochMilli(millis);
  }

  private static long millis(Instant instant) {
    return instant == null ? NEVER : EventTime.millisOf(instant);
  }
}
