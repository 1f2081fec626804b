package dev.concierge.models;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * A customer's live features in compact form, and the feature function that updates them: the
 * customer actor and offline replay both fold every event in through {@link #apply}, so online and
 * offline features are the same.
 *
 * <p>Items and categories are held as {@link Vocabulary} codes in primitive arrays of fixed size, so
 * the state stays a few hundred bytes however long the history. Items the catalog did not hold get
 * codes of this customer's own instead ({@link OwnItems}, negative), so that made-up item ids cannot
 * grow the vocabulary every customer shares. Mutable and owned by one actor (or one replay thread);
 * {@link #view} makes the immutable {@link CustomerFeatures} that leaves it.
 */
public final class FeatureState {

  /** Ends a list's entries: the entries after it are unused too. */
  public static final int EMPTY = -1;
  public static final long NEVER = Long.MIN_VALUE;

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

  // the items of the lists that have no shared code; null until the first such item
  private OwnItems own;

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
   * for an event that could be constructed: any timestamp, price or quantity. A merge changes nothing
   * here: it is no interaction, and the history it hands over comes in through {@link #absorb}.
   *
   * @param category the item's category when the event was recorded, or {@code null} if unknown
   */
  public void apply(
      CustomerEvent event, String category, Vocabulary vocabulary, FeatureSettings settings, EventHorizon horizon) {
    if (!event.type().isInteraction()) {
      return;
    }
    long at = horizon.countedMillis(event.timestamp());
    int item = itemCode(event.itemId(), category != null, vocabulary.items());
    int categoryCode = category == null ? EMPTY : vocabulary.categories().intern(category);
    updateSession(event, at, categoryCode, settings);
    count(event);
    lastEventAt = Math.max(lastEventAt, at);
    if (categoryCode != EMPTY) {
      recordInterest(categoryCode, settings.weightOf(event.type()), at, settings, vocabulary);
    }
    pushFront(recent, item);
    pushFront(listFor(event.type()), item);
    if (event.type() == EventType.PURCHASE && categoryCode != EMPTY) {
      pushFront(purchasedCategories, categoryCode);
    }
  }

  /**
   * The code of an event's item. An id the catalog held when the event was recorded may teach the
   * shared vocabulary, which the catalog thus bounds; any other id is only looked up there, and gets a
   * code of this customer's own if it is not known.
   */
  private int itemCode(String itemId, boolean catalogued, Interner items) {
    if (own != null) {
      own.adoptSharedCodes(items);
      // an id with a code of its own keeps it until adopted, so that no list holds one item twice
      int code = own.codeOf(itemId);
      if (code != EMPTY) {
        return code;
      }
    }
    int shared = catalogued ? items.intern(itemId) : items.codeOf(itemId);
    if (shared != Interner.UNKNOWN) {
      return shared;
    }
    if (own == null) {
      own = new OwnItems(recent, viewed, clicked, carted, purchased);
    }
    return own.add(itemId);
  }

  /**
   * Gives the items that have codes of this customer's own the shared codes the vocabulary learnt for
   * them since (the catalog took them in), so that they meet the same items among a decision's
   * candidates. Names and order stay as they are; with nothing new learnt it costs one read.
   */
  public void adoptSharedCodes(Vocabulary vocabulary) {
    if (own != null) {
      own.adoptSharedCodes(vocabulary.items());
    }
  }

  /**
   * The code this state knows an item by: the shared one, else the customer's own, else {@link #EMPTY}.
   * Items the vocabulary learnt since the last {@link #adoptSharedCodes} may still have their own.
   */
  public int codeOf(String itemId, Vocabulary vocabulary) {
    int shared = vocabulary.items().codeOf(itemId);
    return shared != Interner.UNKNOWN || own == null ? shared : own.codeOf(itemId);
  }

  /** The item id of a code from one of this state's lists, shared or the customer's own. */
  public String itemName(int code, Vocabulary vocabulary) {
    return OwnItems.isOwn(code) ? own.nameOf(code) : vocabulary.items().nameOf(code);
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
      case MERGE -> { }
    }
  }

  private int[] listFor(EventType type) {
    return switch (type) {
      case VIEW -> viewed;
      case CLICK -> clicked;
      case ADD_TO_CART -> carted;
      case PURCHASE -> purchased;
      case MERGE -> throw new IllegalArgumentException("a merge has no item list");
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
    return affinityFor(category, affinityTotal());
  }

  /**
   * {@link #affinityFor(int)} given {@link #affinityTotal()}, for a caller that asks for many categories
   * while the state does not change (a decision's candidates).
   */
  public double affinityFor(int category, double affinityTotal) {
    int slot = affinitySlotOf(category);
    if (slot == EMPTY) {
      return 0;
    }
    return affinityTotal <= 0 ? 0 : affinityScores[slot] / affinityTotal;
  }

  /** The sum of the tracked categories' affinity scores. */
  public double affinityTotal() {
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

  /**
   * The most recent items touched, most recent first; entries from the first {@link #EMPTY} on are
   * unused. Negative codes other than that are the customer's own: no shared table holds them.
   */
  public int[] recentItemCodes() {
    return recent;
  }

  /** The most recent purchases, like {@link #recentItemCodes}. */
  public int[] purchasedItemCodes() {
    return purchased;
  }

  /**
   * The shopper's items that item-to-item features start from: the recent ones of any kind, then the
   * remembered purchases not among them, each once.
   */
  public void forEachRecentOrPurchasedItem(IntConsumer each) {
    for (int recent : recentItemCodes()) {
      if (recent == EMPTY) {
        break;
      }
      each.accept(recent);
    }
    for (int bought : purchased) {
      if (bought == EMPTY) {
        break;
      }
      if (recencyRank(bought) < 0) {
        each.accept(bought);
      }
    }
  }

  /** The most recent items viewed, like {@link #recentItemCodes}. */
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

  /** When the current session started (epoch millis), or {@link #NEVER} before the first event. */
  public long sessionStartedAtMillis() {
    return sessionStartedAt;
  }

  public int sessionEvents() {
    return sessionEvents;
  }

  public double averagePricePaid() {
    return unitsPurchased == 0 ? 0 : totalSpend / unitsPurchased;
  }

  /**
   * Takes over another customer's history, as a merge hands it over: the anonymous shopper who logged in
   * becomes part of this customer. The live actor and offline replay both absorb through here, so their
   * features stay the same. Pure and total: never throws, whatever the two histories hold.
   *
   * <ul>
   *   <li>Counts, spend and units add (saturating); the last event is the later of the two.
   *   <li>Each item list (recent, viewed, clicked, carted, purchased) and the categories bought in
   *       interleave the two lists, the more recent customer's first item first, each item once, within
   *       the list's limit. The lists keep no times, so interleaving is the fairest order by recency.
   *   <li>Category affinities decay to the later of the two customers' times, then add; the strongest
   *       {@code affinityCategoriesLimit} stay (ties by name, like {@link #apply}).
   *   <li>The session is the more recent customer's.
   * </ul>
   *
   * <p>Items and categories are coded by name, as from a snapshot ({@link #of}): an item is only looked up
   * in the shared vocabulary, which absorbing never teaches, and one it does not know gets a code of this
   * customer's own; categories (the catalog's, recorded with the events) are interned. Absorbing
   * {@link CustomerFeatures#EMPTY} changes nothing.
   *
   * @param other the other customer's features at the hand-over
   */
  public void absorb(CustomerFeatures other, Vocabulary vocabulary, FeatureSettings settings) {
    EventCounts counts = new EventCounts(views, clicks, carts, purchases).plus(other.events());
    views = saturatedInt(counts.view());
    clicks = saturatedInt(counts.click());
    carts = saturatedInt(counts.addToCart());
    purchases = saturatedInt(counts.purchase());
    if (Double.isFinite(other.totalSpend()) && other.totalSpend() > 0) {
      totalSpend = Math.min(Double.MAX_VALUE, totalSpend + other.totalSpend());
    }
    if (other.unitsPurchased() > 0) {
      unitsPurchased = (int) Math.min(Integer.MAX_VALUE, (long) unitsPurchased + other.unitsPurchased());
    }
    long otherLast = millis(other.lastEventAt());
    // the more recent customer leads the lists and keeps its session; on a tie, this one
    boolean otherFirst = otherLast != NEVER && otherLast > lastEventAt;
    lastEventAt = Math.max(lastEventAt, otherLast);
    absorbAffinity(other.categoryAffinity(), vocabulary, settings);
    absorbItems(recent, other.recent(), otherFirst, vocabulary);
    absorbItems(viewed, other.viewed(), otherFirst, vocabulary);
    absorbItems(clicked, other.clicked(), otherFirst, vocabulary);
    absorbItems(carted, other.carted(), otherFirst, vocabulary);
    absorbItems(purchased, other.purchased(), otherFirst, vocabulary);
    absorbCategories(purchasedCategories, other.purchasedCategories(), otherFirst, vocabulary);
    if (otherFirst) {
      SessionFeatures session = other.session();
      sessionStartedAt = millis(session.startedAt());
      sessionEvents = Math.max(0, session.events());
      sessionKey = session.key();
      Arrays.fill(sessionCategories, EMPTY);
      fill(sessionCategories, session.categories(), vocabulary.categories()::intern);
    }
  }

  private void absorbAffinity(CategoryAffinity other, Vocabulary vocabulary, FeatureSettings settings) {
    long otherAsOf = millis(other.asOf());
    if (other.scores().isEmpty() && otherAsOf == NEVER) {
      return;
    }
    long asOf = Math.max(affinityAsOf, otherAsOf);
    double halfLifeMillis = settings.affinityHalfLife().toMillis();
    Map<String, Double> combined = new HashMap<>();
    for (int i = 0; i < affinitySize; i++) {
      combined.merge(name(vocabulary, affinityCategories[i]), decayed(affinityScores[i], affinityAsOf, asOf, halfLifeMillis),
          Double::sum);
    }
    for (Map.Entry<String, Double> score : other.scores().entrySet()) {
      double value = score.getValue();
      if (Double.isFinite(value) && value >= 0) {
        combined.merge(score.getKey(), decayed(value, otherAsOf, asOf, halfLifeMillis), Double::sum);
      }
    }
    List<Map.Entry<String, Double>> strongest = strongestFirst(new CategoryAffinity(combined, null));
    affinitySize = 0;
    for (Map.Entry<String, Double> score : strongest) {
      if (affinitySize == affinityCategories.length) {
        break;
      }
      int category = vocabulary.categories().intern(score.getKey());
      if (category != Interner.UNKNOWN) {
        affinityCategories[affinitySize] = category;
        affinityScores[affinitySize++] = (float) Math.min(Float.MAX_VALUE, score.getValue());
      }
    }
    affinityAsOf = asOf;
  }

  // a score as of one time, decayed to a later one; a time without scores (NEVER) decays nothing
  private static double decayed(double score, long from, long to, double halfLifeMillis) {
    if (from == NEVER || to <= from) {
      return score;
    }
    return score * Math.pow(0.5, (to - from) / halfLifeMillis);
  }

  private void absorbItems(int[] list, RecentItems other, boolean otherFirst, Vocabulary vocabulary) {
    if (other.items().isEmpty()) {
      return;
    }
    List<String> mine = names(list, code -> itemName(code, vocabulary));
    List<String> merged = otherFirst
        ? interleave(other.items(), mine, list.length)
        : interleave(mine, other.items(), list.length);
    // written back one by one, so that each code is held by the list before the next is made: a code of
    // the customer's own that no list holds may be given to another item (OwnItems)
    Arrays.fill(list, EMPTY);
    int size = 0;
    for (String itemId : merged) {
      int code = itemCode(itemId, false, vocabulary.items());
      if (code != EMPTY && !contains(list, code)) {
        list[size++] = code;
      }
    }
  }

  private void absorbCategories(int[] list, List<String> other, boolean otherFirst, Vocabulary vocabulary) {
    if (other.isEmpty()) {
      return;
    }
    List<String> mine = names(list, vocabulary.categories()::nameOf);
    List<String> merged = otherFirst ? interleave(other, mine, list.length) : interleave(mine, other, list.length);
    Arrays.fill(list, EMPTY);
    int size = 0;
    for (String category : merged) {
      int code = vocabulary.categories().intern(category);
      if (code != Interner.UNKNOWN && !contains(list, code)) {
        list[size++] = code;
      }
    }
  }

  /** Alternately the next of {@code first} and of {@code second}, each name once, at most {@code limit}. */
  static List<String> interleave(List<String> first, List<String> second, int limit) {
    List<String> merged = new ArrayList<>(Math.min(limit, first.size() + second.size()));
    Set<String> seen = new HashSet<>();
    int i = 0;
    int j = 0;
    while (merged.size() < limit && (i < first.size() || j < second.size())) {
      if (i < first.size()) {
        String name = first.get(i++);
        if (seen.add(name)) {
          merged.add(name);
        }
      }
      if (merged.size() < limit && j < second.size()) {
        String name = second.get(j++);
        if (seen.add(name)) {
          merged.add(name);
        }
      }
    }
    return merged;
  }

  private static int saturatedInt(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
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
        new RecentItems(names(recent, item -> itemName(item, vocabulary))),
        new RecentItems(names(viewed, item -> itemName(item, vocabulary))),
        new RecentItems(names(clicked, item -> itemName(item, vocabulary))),
        new RecentItems(names(carted, item -> itemName(item, vocabulary))),
        new RecentItems(names(purchased, item -> itemName(item, vocabulary))),
        names(purchasedCategories, vocabulary.categories()::nameOf),
        new SessionFeatures(
            instant(sessionStartedAt), sessionEvents, names(sessionCategories, vocabulary.categories()::nameOf),
            sessionKey));
  }

  /**
   * The compact state of an immutable picture, as when recovering from a snapshot. Its items only look
   * the shared vocabulary up: a picture says nothing of the catalog, and recovery must not teach the
   * vocabulary what the events did not.
   */
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
    ToIntFunction<String> item = itemId -> state.itemCode(itemId, false, vocabulary.items());
    fill(state.recent, features.recent().items(), item);
    fill(state.viewed, features.viewed().items(), item);
    fill(state.clicked, features.clicked().items(), item);
    fill(state.carted, features.carted().items(), item);
    fill(state.purchased, features.purchased().items(), item);
    fill(state.purchasedCategories, features.purchasedCategories(), vocabulary.categories()::intern);
    SessionFeatures session = features.session();
    state.sessionStartedAt = millis(session.startedAt());
    state.sessionEvents = session.events();
    state.sessionKey = session.key();
    fill(state.sessionCategories, session.categories(), vocabulary.categories()::intern);
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

  private static List<String> names(int[] list, IntFunction<String> nameOf) {
    List<String> names = new ArrayList<>(list.length);
    for (int code : list) {
      if (code == EMPTY) {
        break;
      }
      names.add(nameOf.apply(code));
    }
    return names;
  }

  private static void fill(int[] list, List<String> names, ToIntFunction<String> codeOf) {
    int size = 0;
    for (String name : names) {
      if (size == list.length) {
        break;
      }
      int code = codeOf.applyAsInt(name);
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
