package dev.concierge.benchmarks.footprint;

import dev.concierge.benchmarks.footprint.BaselineRepresentation.NaiveState;
import dev.concierge.benchmarks.footprint.CompactRepresentation.CompactState;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.CategoryAffinity;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.EventCounts;
import dev.concierge.models.EventIdWindow;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.FeatureState;
import dev.concierge.models.RecentItems;
import dev.concierge.models.SessionFeatures;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The bytes a customer's state should take, added up by hand the way JOL lays objects out on a 64-bit
 * HotSpot with compressed oops and compressed class pointers (any heap under 32 GB): a cross-check of
 * the measured heap that needs no agent. Instance sizes come from the classes' declared fields; array
 * lengths and list sizes from the settings or the state itself.
 */
final class LayoutAccounting {

  /** Mark word (8) and compressed class pointer (4). */
  static final int OBJECT_HEADER_BYTES = 12;
  /** An object header and the 4-byte length. */
  static final int ARRAY_HEADER_BYTES = 16;
  /** Compressed oops. */
  static final int REFERENCE_BYTES = 4;
  static final int ALIGNMENT_BYTES = 8;
  /** {@code ImmutableCollections.MapN} keeps keys and values in one table at most half full. */
  private static final int MAP_TABLE_SLOTS_PER_ENTRY = 4;
  private static final int CHAR_BYTES = 2;
  private static final int LATIN1_MAX = 0xFF;

  /** One line of the account: {@code count} objects of one kind taking {@code bytes} together. */
  record Part(String what, int count, long bytes) {}

  record Breakdown(String representation, List<Part> parts) {
    long total() {
      return parts.stream().mapToLong(Part::bytes).sum();
    }
  }

  private LayoutAccounting() {}

  /** The compact state has the same size whatever it holds: every array is allocated full-length. */
  static Breakdown compact(CustomerSettings settings) {
    FeatureSettings limits = settings.features();
    int affinity = limits.affinityCategoriesLimit();
    int recent = limits.recentItemsLimit();
    return new Breakdown("compact", List.of(
        new Part("State holder (as CustomerEntity.State)", 1, shallow(CompactState.class)),
        new Part("FeatureState", 1, shallow(FeatureState.class)),
        new Part("affinity categories int[" + affinity + "]", 1, array(affinity, Integer.BYTES)),
        new Part("affinity scores float[" + affinity + "]", 1, array(affinity, Float.BYTES)),
        new Part("recent, viewed, clicked, carted int[" + recent + "]", 4, 4 * array(recent, Integer.BYTES)),
        new Part("purchased int[" + limits.purchasedItemsLimit() + "]", 1,
            array(limits.purchasedItemsLimit(), Integer.BYTES)),
        new Part("purchased categories int[" + affinity + "]", 1, array(affinity, Integer.BYTES)),
        new Part("session categories int[" + limits.sessionCategoriesLimit() + "]", 1,
            array(limits.sessionCategoriesLimit(), Integer.BYTES)),
        new Part("EventIdWindow", 1, shallow(EventIdWindow.class)),
        new Part("event-id keys long[" + settings.dedupeWindow() + "]", 1, array(settings.dedupeWindow(), Long.BYTES))));
  }

  /** What {@code sample} holds, with names shared through the vocabulary counted as free. */
  static Breakdown baseline(NaiveState sample) {
    CustomerFeatures features = sample.features();
    CategoryAffinity affinity = features.categoryAffinity();
    SessionFeatures session = features.session();
    List<RecentItems> itemLists =
        List.of(features.recent(), features.viewed(), features.clicked(), features.carted(), features.purchased());
    long instants = Stream.of(features.lastEventAt(), affinity.asOf(), session.startedAt())
        .filter(Objects::nonNull)
        .count();
    long itemListBytes = itemLists.stream().mapToLong(list -> immutableList(list.items())).sum();
    long eventIdBytes = sample.recentEventIds().stream().mapToLong(LayoutAccounting::string).sum();
    List<Part> parts = new ArrayList<>(List.of(
        new Part("holder (features, event ids)", 1, shallow(NaiveState.class)),
        new Part("CustomerFeatures", 1, shallow(CustomerFeatures.class)),
        new Part("EventCounts", 1, shallow(EventCounts.class)),
        new Part("Instant", (int) instants, instants * shallow(Instant.class)),
        new Part("CategoryAffinity", 1, shallow(CategoryAffinity.class)),
        new Part("affinity Map.copyOf, " + affinity.scores().size() + " entries", 1, immutableMap(affinity.scores())),
        new Part("boxed Double scores", affinity.scores().size(), affinity.scores().size() * shallow(Double.class)),
        new Part("RecentItems", itemLists.size(), itemLists.size() * shallow(RecentItems.class)),
        new Part("item lists (List.copyOf) of " + sizes(itemLists), itemLists.size(), itemListBytes),
        new Part("purchased categories list of " + features.purchasedCategories().size(), 1,
            immutableList(features.purchasedCategories())),
        new Part("SessionFeatures", 1, shallow(SessionFeatures.class)),
        new Part("session categories list of " + session.categories().size(), 1, immutableList(session.categories())),
        new Part("item and category names (shared with the vocabulary)", sharedNames(features).size(), 0),
        new Part("event-id list of " + sample.recentEventIds().size(), 1, immutableList(sample.recentEventIds())),
        new Part("event-id strings (String + byte[])", sample.recentEventIds().size(), eventIdBytes)));
    return new Breakdown("baseline", parts);
  }

  /** The distinct name strings the picture refers to, all of them the vocabulary's own. */
  static Set<String> sharedNames(CustomerFeatures features) {
    Set<String> names = Collections.newSetFromMap(new IdentityHashMap<>());
    for (RecentItems list : List.of(
        features.recent(), features.viewed(), features.clicked(), features.carted(), features.purchased())) {
      names.addAll(list.items());
    }
    names.addAll(features.purchasedCategories());
    // not keySet(): the map would keep that view in a field, and JOL would count it
    features.categoryAffinity().scores().forEach((category, score) -> names.add(category));
    names.addAll(features.session().categories());
    return names;
  }

  /** An instance's size: header plus its fields and its superclasses', padded to the alignment. */
  static long shallow(Class<?> type) {
    long fields = 0;
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          fields += bytesOf(field.getType());
        }
      }
    }
    return align(OBJECT_HEADER_BYTES + fields);
  }

  static long array(int length, int elementBytes) {
    return align(ARRAY_HEADER_BYTES + (long) length * elementBytes);
  }

  /** A compact string: one byte per char when every char is Latin-1, else two. */
  static long string(String value) {
    boolean latin1 = value.chars().allMatch(c -> c <= LATIN1_MAX);
    return shallow(String.class) + array(value.length(), latin1 ? Byte.BYTES : CHAR_BYTES);
  }

  /** {@code List.copyOf}: none for no elements (a shared empty list), a field per element for one or two, else an array. */
  static long immutableList(List<?> list) {
    return switch (list.size()) {
      case 0 -> 0;
      case 1, 2 -> shallow(list.getClass());
      default -> shallow(list.getClass()) + array(list.size(), REFERENCE_BYTES);
    };
  }

  /** {@code Map.copyOf}: none for no entries, a field per key and value for one, else a hash table. */
  static long immutableMap(Map<?, ?> map) {
    return switch (map.size()) {
      case 0 -> 0;
      case 1 -> shallow(map.getClass());
      default -> shallow(map.getClass()) + array(map.size() * MAP_TABLE_SLOTS_PER_ENTRY, REFERENCE_BYTES);
    };
  }

  private static String sizes(List<RecentItems> lists) {
    return lists.stream().map(list -> String.valueOf(list.items().size())).reduce((a, b) -> a + "+" + b).orElse("");
  }

  private static long bytesOf(Class<?> type) {
    if (type == long.class || type == double.class) {
      return Long.BYTES;
    }
    if (type == int.class || type == float.class) {
      return Integer.BYTES;
    }
    if (type == short.class || type == char.class) {
      return Short.BYTES;
    }
    if (type == byte.class || type == boolean.class) {
      return Byte.BYTES;
    }
    return REFERENCE_BYTES;
  }

  private static long align(long bytes) {
    return (bytes + ALIGNMENT_BYTES - 1) / ALIGNMENT_BYTES * ALIGNMENT_BYTES;
  }
}
