package dev.concierge.benchmarks.baseline;

import static dev.concierge.benchmarks.baseline.BaselineFixtures.ITEMS;
import static dev.concierge.benchmarks.baseline.BaselineFixtures.SETTINGS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.concierge.engine.model.TrendRecorder;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.EventHorizon;
import dev.concierge.models.EventIdWindow;
import dev.concierge.models.EventType;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.TrendingItems;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the writer puts into Redis reads back as it was: features, dedupe window and trends. */
@ExtendWith(TestKitJUnit5Extension.class)
class FeatureCodecTest {

  // enough distinct items, over enough categories and sessions, to fill every bounded list
  private static final int ITEMS_TOUCHED = 60;
  private static final int ITEM_STRIDE = 7;
  private static final int EVENTS_PER_SESSION = 10;
  private static final int MOST_UNITS = 3;
  private static final double FLOAT_PRECISION = 1e-6;

  @JUnit5TestKit ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  @Test
  void aFullFeatureSetReadsBackEqual() {
    Vocabulary vocabulary = BaselineFixtures.vocabulary();
    CustomerFeatures full = fullFeatures(vocabulary);
    FeatureCodec codec = FeatureCodec.of(testKit.system());

    CustomerFeatures read = codec.decode(codec.encode(full));

    assertEquals(full, read);
    assertEquals(full.session().key(), read.session().key());
    assertEquals(full.averagePricePaid(), read.averagePricePaid());
  }

  @Test
  void theDedupeWindowReadsBackInOrder() {
    EventIdWindow window = new EventIdWindow(SETTINGS.dedupeWindow());
    for (int i = 0; i < SETTINGS.dedupeWindow() * 2; i++) {
      window.add("event-" + i);
    }

    assertEquals(window.keys(), FeatureCodec.decodeEventKeys(FeatureCodec.encodeEventKeys(window.keys())));
  }

  @Test
  void trendsReadBackWithTheSameTopItemsAndScores() {
    Vocabulary writer = BaselineFixtures.vocabulary();
    TrendingItems live = BaselineFixtures.trends();
    TrendRecorder recorder = new TrendRecorder(live, writer, SETTINGS.features(), EventHorizon.NONE);
    BaselineFixtures.HISTORY.forEach(recorder::recorded);
    live.refreshTop();
    Vocabulary server = BaselineFixtures.vocabulary();
    server.items().intern("an item the writer never saw, so that codes differ");

    TrendsSnapshot snapshot = TrendsSnapshot.decode(TrendsSnapshot.of(live, writer.items()).encode());
    TrendingItems copy = snapshot.toTrends(server.items(), BaselineFixtures.HALF_LIFE_MILLIS, live.top().length);

    assertEquals(TrendsSnapshot.of(live, writer.items()), snapshot);
    String[] liveTop = names(live.top(), writer);
    assertArrayEquals(liveTop, names(copy.top(), server));
    for (String itemId : liveTop) {
      double expected = live.scoreOf(writer.items().codeOf(itemId));
      assertEquals(expected, copy.scoreOf(server.items().codeOf(itemId)), expected * FLOAT_PRECISION, itemId);
    }
  }

  private static String[] names(int[] codes, Vocabulary vocabulary) {
    String[] names = new String[codes.length];
    for (int i = 0; i < codes.length; i++) {
      names[i] = vocabulary.items().nameOf(codes[i]);
    }
    return names;
  }

  /** Every list at its limit, affinity over as many categories as it keeps, spend, a session. */
  private static CustomerFeatures fullFeatures(Vocabulary vocabulary) {
    FeatureSettings settings = SETTINGS.features();
    FeatureState state = new FeatureState(settings);
    Instant start = Instant.parse("2026-11-01T10:00:00Z");
    for (int i = 0; i < ITEMS_TOUCHED; i++) {
      CatalogItem item = ITEMS.get(i * ITEM_STRIDE % ITEMS.size());
      for (EventType type : EventType.interactions()) {
        CustomerEvent event =
            new CustomerEvent(
                "e-" + i + "-" + type.wireName(), "c-full", type, item.itemId(),
                start.plus(Duration.ofMinutes(i)).plusSeconds(type.ordinal()), item.price(), 1 + i % MOST_UNITS,
                "s-" + i / EVENTS_PER_SESSION, Map.of());
        state.apply(event, item.category(), vocabulary, settings);
      }
    }
    CustomerFeatures features = state.view(vocabulary);
    assertEquals(settings.recentItemsLimit(), features.recent().items().size());
    assertEquals(settings.recentItemsLimit(), features.viewed().items().size());
    assertEquals(settings.recentItemsLimit(), features.clicked().items().size());
    assertEquals(settings.recentItemsLimit(), features.carted().items().size());
    assertEquals(settings.purchasedItemsLimit(), features.purchased().items().size());
    assertEquals(settings.affinityCategoriesLimit(), features.purchasedCategories().size());
    assertEquals(settings.affinityCategoriesLimit(), features.categoryAffinity().scores().size());
    assertEquals(settings.sessionCategoriesLimit(), features.session().categories().size());
    assertNotNull(features.session().startedAt());
    return features;
  }
}
