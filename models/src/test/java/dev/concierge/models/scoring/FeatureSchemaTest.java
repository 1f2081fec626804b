package dev.concierge.models.scoring;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeatureSchemaTest {

  private static final FeatureSchema RUNNING = FeatureSchema.of("v2", "views", "clicks", "affinity", "price");

  @Test
  void aFeaturesIndexIsItsPositionInTheRow() {
    assertEquals(4, RUNNING.size());
    assertEquals(0, RUNNING.index("views"));
    assertEquals(3, RUNNING.index("price"));
  }

  @Test
  void askingForAnUnknownFeatureNamesItAndTheSchema() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RUNNING.index("colour"));
    assertTrue(e.getMessage().contains("'colour'") && e.getMessage().contains("v2"), e.getMessage());
    assertFalse(RUNNING.contains("colour"));
  }

  @Test
  void aFeatureNamedTwiceIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FeatureSchema.of("v1", "views", "clicks", "views"));
    assertTrue(e.getMessage().contains("[views]"), e.getMessage());
  }

  @Test
  void aSchemaNeedsAVersionAndFeatures() {
    assertThrows(IllegalArgumentException.class, () -> FeatureSchema.of(" ", "views"));
    assertThrows(IllegalArgumentException.class, () -> FeatureSchema.of("v1"));
  }

  @Test
  void theNamesCannotBeChangedAfterwards() {
    assertThrows(UnsupportedOperationException.class, () -> RUNNING.names().add("colour"));
  }

  @Test
  void anIdenticalSchemaIsAccepted() {
    assertDoesNotThrow(() -> FeatureSchema.of("v2", "views", "clicks", "affinity", "price").validateAgainst(RUNNING));
  }

  @Test
  void aReorderedSchemaIsRefusedNamingTheMovedFeaturesAndTheirPositions() {
    FeatureSchema bundle = FeatureSchema.of("v2", "views", "affinity", "clicks", "price");
    String message = mismatch(bundle);
    assertTrue(message.contains("different position"), message);
    assertTrue(message.contains("affinity (bundle #1, running #2)"), message);
    assertTrue(message.contains("clicks (bundle #2, running #1)"), message);
    assertFalse(message.contains("views ("), message);
  }

  @Test
  void aBundleNeedingAFeatureTheRunningCodeLacksIsRefusedNamingIt() {
    FeatureSchema bundle = FeatureSchema.of("v2", "views", "clicks", "affinity", "price", "colour");
    String message = mismatch(bundle);
    assertTrue(message.contains("does not compute [colour]"), message);
    assertFalse(message.contains("different position"), message);
  }

  @Test
  void aBundleMissingAFeatureTheRunningCodeComputesIsRefusedNamingIt() {
    FeatureSchema bundle = FeatureSchema.of("v2", "views", "affinity", "price");
    String message = mismatch(bundle);
    assertTrue(message.contains("bundle does not know [clicks]"), message);
    assertFalse(message.contains("different position"), message);
  }

  @Test
  void theSameNamesUnderAnotherVersionAreRefused() {
    FeatureSchema bundle = FeatureSchema.of("v1", "views", "clicks", "affinity", "price");
    String message = mismatch(bundle);
    assertTrue(message.contains("version differs (bundle v1, running v2)"), message);
  }

  private static String mismatch(FeatureSchema bundle) {
    return assertThrows(FeatureSchemaMismatchException.class, () -> bundle.validateAgainst(RUNNING)).getMessage();
  }
}
