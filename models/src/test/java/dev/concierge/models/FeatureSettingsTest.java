package dev.concierge.models;

import static dev.concierge.models.Fixtures.HALF_LIFE;
import static dev.concierge.models.Fixtures.SESSION_IDLE_TIMEOUT;
import static dev.concierge.models.Fixtures.T0;
import static dev.concierge.models.Fixtures.view;
import static dev.concierge.models.Fixtures.weights;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeatureSettingsTest {

  /** Valid settings but for the half-life. */
  private static FeatureSettings withHalfLife(Duration halfLife) {
    return new FeatureSettings(halfLife, 5, 10, weights(), SESSION_IDLE_TIMEOUT, 4, 3);
  }

  /** Valid settings but for the session idle timeout. */
  private static FeatureSettings withSessionIdleTimeout(Duration timeout) {
    return new FeatureSettings(HALF_LIFE, 5, 10, weights(), timeout, 4, 3);
  }

  /** Valid settings but for the weights. */
  private static FeatureSettings withWeights(Map<EventType, Double> weights) {
    return new FeatureSettings(HALF_LIFE, 5, 10, weights, SESSION_IDLE_TIMEOUT, 4, 3);
  }

  @Test
  void validSettingsExposeWhatTheyWereGiven() {
    FeatureSettings settings = Fixtures.settings();

    assertEquals(1.0, settings.weightOf(EventType.VIEW));
    assertEquals(2.0, settings.weightOf(EventType.CLICK));
    assertEquals(4.0, settings.weightOf(EventType.ADD_TO_CART));
    assertEquals(8.0, settings.weightOf(EventType.PURCHASE));
    assertEquals(HALF_LIFE, settings.affinityHalfLife());
    assertEquals(5, settings.recentItemsLimit());
    assertEquals(10, settings.purchasedItemsLimit());
    assertEquals(Duration.ofMinutes(30), settings.sessionIdleTimeout());
    assertEquals(4, settings.affinityCategoriesLimit());
    assertEquals(3, settings.sessionCategoriesLimit());
  }

  @Test
  void aZeroHalfLifeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> withHalfLife(Duration.ZERO));
  }

  @Test
  void aNegativeHalfLifeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> withHalfLife(Duration.ofMinutes(-1)));
  }

  @Test
  void aMissingHalfLifeIsRejected() {
    assertThrows(NullPointerException.class, () -> withHalfLife(null));
  }

  /** Decay divides by the half-life in whole milliseconds: a shorter one would make every share NaN. */
  @Test
  void aHalfLifeUnderOneMillisecondIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> withHalfLife(Duration.ofNanos(500_000)));
    assertTrue(e.getMessage().contains("affinityHalfLife"), e.getMessage());
  }

  @Test
  void aHalfLifeOfOneMillisecondIsAcceptedAndGivesFiniteShares() {
    FeatureSettings settings = withHalfLife(Duration.ofMillis(1));
    Vocabulary vocabulary = Fixtures.vocabulary();
    FeatureState state = new FeatureState(settings);

    state.apply(view("a", T0), "A", vocabulary, settings);
    state.apply(view("b", T0), "B", vocabulary, settings);

    assertEquals(0.5, state.affinityFor(vocabulary.categories().codeOf("A")), 1e-6);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, -60_000})
  void aSessionIdleTimeoutUnderOneMillisecondIsRejected(long millis) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> withSessionIdleTimeout(Duration.ofMillis(millis)));
    assertTrue(e.getMessage().contains("sessionIdleTimeout"), e.getMessage());
  }

  @Test
  void aSessionIdleTimeoutOfAFractionOfAMillisecondIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> withSessionIdleTimeout(Duration.ofNanos(999_999)));
  }

  @Test
  void aSessionIdleTimeoutOfOneMillisecondIsAccepted() {
    assertEquals(Duration.ofMillis(1), withSessionIdleTimeout(Duration.ofMillis(1)).sessionIdleTimeout());
  }

  @Test
  void aMissingSessionIdleTimeoutIsRejected() {
    assertThrows(NullPointerException.class, () -> withSessionIdleTimeout(null));
  }

  @ParameterizedTest
  @EnumSource(value = EventType.class, names = "MERGE", mode = EnumSource.Mode.EXCLUDE)
  void aNegativeWeightIsRejected(EventType type) {
    Map<EventType, Double> weights = weights();
    weights.put(type, -0.5);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withWeights(weights));
    assertTrue(e.getMessage().contains(type.wireName()), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(value = EventType.class, names = "MERGE", mode = EnumSource.Mode.EXCLUDE)
  void aMissingWeightIsRejected(EventType type) {
    Map<EventType, Double> weights = weights();
    weights.remove(type);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withWeights(weights));
    assertTrue(e.getMessage().contains(type.wireName()), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void aMergeNeedsNoWeightAndWeighsNothing() {
    org.junit.jupiter.api.Assertions.assertEquals(0, withWeights(weights()).weightOf(EventType.MERGE));
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void aNonFiniteWeightIsRejected(double weight) {
    Map<EventType, Double> weights = weights();
    weights.put(EventType.VIEW, weight);

    assertThrows(IllegalArgumentException.class, () -> withWeights(weights));
  }

  @Test
  void aZeroWeightIsAllowed() {
    Map<EventType, Double> weights = weights();
    weights.put(EventType.VIEW, 0.0);

    assertEquals(0.0, withWeights(weights).weightOf(EventType.VIEW));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void itemAndCategoryLimitsBelowOneAreRejected(int limit) {
    Map<EventType, Double> w = weights();
    Duration t = SESSION_IDLE_TIMEOUT;
    assertThrows(IllegalArgumentException.class, () -> new FeatureSettings(HALF_LIFE, limit, 10, w, t, 4, 3));
    assertThrows(IllegalArgumentException.class, () -> new FeatureSettings(HALF_LIFE, 5, limit, w, t, 4, 3));
    assertThrows(IllegalArgumentException.class, () -> new FeatureSettings(HALF_LIFE, 5, 10, w, t, limit, 3));
    assertThrows(IllegalArgumentException.class, () -> new FeatureSettings(HALF_LIFE, 5, 10, w, t, 4, limit));
  }

  @Test
  void limitsOfOneAreAccepted() {
    FeatureSettings minimal = new FeatureSettings(HALF_LIFE, 1, 1, weights(), SESSION_IDLE_TIMEOUT, 1, 1);

    assertEquals(1, minimal.recentItemsLimit());
    assertEquals(1, minimal.purchasedItemsLimit());
    assertEquals(1, minimal.affinityCategoriesLimit());
    assertEquals(1, minimal.sessionCategoriesLimit());
  }

  @Test
  void laterChangesToTheGivenWeightsDoNotLeakIn() {
    Map<EventType, Double> weights = weights();
    FeatureSettings settings = withWeights(weights);

    weights.put(EventType.VIEW, 100.0);

    assertEquals(1.0, settings.weightOf(EventType.VIEW));
    assertThrows(
        UnsupportedOperationException.class, () -> settings.affinityWeights().put(EventType.VIEW, 3.0));
  }

  @Test
  void settingsFromTheSameConfigurationAreEqual() {
    assertEquals(Fixtures.settings(), Fixtures.settings());
  }
}
