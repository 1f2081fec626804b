package dev.concierge.offline.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Wilson 95% intervals against values from the literature (Newcombe 1998, table I) and by hand. */
class ProportionTest {

  private static final double FOUR_PLACES = 5e-5;

  @Test
  void eightOfTen() {
    Proportion proportion = Proportion.of(8, 10);
    assertEquals(0.8, proportion.rate(), 1e-12);
    assertEquals(0.4902, proportion.low(), FOUR_PLACES);
    assertEquals(0.9433, proportion.high(), FOUR_PLACES);
  }

  @Test
  void fifteenOfOneHundredFortyEight() {
    Proportion proportion = Proportion.of(15, 148);
    assertEquals(0.0624, proportion.low(), FOUR_PLACES);
    assertEquals(0.1605, proportion.high(), FOUR_PLACES);
  }

  @Test
  void noSuccessStillLeavesRoomAbove() {
    Proportion proportion = Proportion.of(0, 10);
    assertEquals(0, proportion.low(), 1e-12);
    assertEquals(0.2775, proportion.high(), FOUR_PLACES);
  }

  @Test
  void allSuccessesStillLeaveRoomBelow() {
    Proportion proportion = Proportion.of(10, 10);
    assertEquals(0.7225, proportion.low(), FOUR_PLACES);
    assertEquals(1, proportion.high(), 1e-12);
  }

  @Test
  void moreTrialsNarrowTheInterval() {
    Proportion few = Proportion.of(5, 10);
    Proportion many = Proportion.of(500, 1000);
    assertEquals(0.5, many.rate(), 1e-12);
    assertEquals(0.0309, (many.high() - many.low()) / 2, FOUR_PLACES);
    assertTrue(many.high() - many.low() < few.high() - few.low());
  }

  @Test
  void noTrialsKnowsNothing() {
    Proportion proportion = Proportion.of(0, 0);
    assertEquals(0, proportion.low());
    assertEquals(1, proportion.high());
  }

  @Test
  void moreSuccessesThanTrialsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Proportion.of(3, 2));
    assertThrows(IllegalArgumentException.class, () -> Proportion.of(-1, 2));
  }
}
