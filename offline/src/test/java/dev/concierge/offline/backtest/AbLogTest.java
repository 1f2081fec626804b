package dev.concierge.offline.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbLogTest {

  private static final Duration WINDOW = Duration.ofMinutes(30);
  private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");
  private static final String EXPERIMENT = "ranker-v2";

  private final List<LoggedDecision> decisions = new ArrayList<>();
  private final List<CustomerEvent> events = new ArrayList<>();

  @Test
  void aClickOnAShownItemWithinTheWindowCountsTheDecisionOnce() {
    decide("c1", T, "a", "x", "y");
    act("c1", EventType.CLICK, "y", T.plus(Duration.ofMinutes(10)));
    act("c1", EventType.CLICK, "x", T.plus(Duration.ofMinutes(11)));

    ArmOutcome arm = onlyArm();

    assertEquals(Proportion.of(1, 1), arm.clickThrough());
    assertEquals(Proportion.of(0, 1), arm.purchase());
  }

  @Test
  void aPurchaseCountsAsClickedAndAsPurchasedUpToTheWindowsEnd() {
    decide("c1", T, "a", "x");
    act("c1", EventType.PURCHASE, "x", T.plus(WINDOW));

    ArmOutcome arm = onlyArm();

    assertEquals(1, arm.clickThrough().successes());
    assertEquals(1, arm.purchase().successes());
  }

  @Test
  void whatHappensAfterTheWindowBeforeTheDecisionOrToOtherItemsIsNotAttributed() {
    decide("c1", T, "a", "x");
    act("c1", EventType.CLICK, "x", T.plus(WINDOW).plusMillis(1));
    act("c1", EventType.CLICK, "x", T.minusMillis(1));
    act("c1", EventType.CLICK, "other", T.plus(Duration.ofMinutes(1)));
    act("c1", EventType.VIEW, "x", T.plus(Duration.ofMinutes(1)));
    act("c1", EventType.ADD_TO_CART, "x", T.plus(Duration.ofMinutes(1)));
    act("c2", EventType.CLICK, "x", T.plus(Duration.ofMinutes(1)));

    ArmOutcome arm = onlyArm();

    assertEquals(Proportion.of(0, 1), arm.clickThrough());
  }

  @Test
  void everyDecisionThatShowedTheItemWithinTheWindowIsCredited() {
    decide("c1", T, "a", "x");
    decide("c1", T.plus(Duration.ofMinutes(5)), "a", "x");
    decide("c1", T.plus(Duration.ofHours(2)), "a", "x");
    act("c1", EventType.CLICK, "x", T.plus(Duration.ofMinutes(20)));

    assertEquals(Proportion.of(2, 3), onlyArm().clickThrough());
  }

  @Test
  void armsAreReportedSeparatelyInNameOrderAndDecisionsOutsideExperimentsOnlyCounted() {
    decide("c1", T, "b", "x");
    decide("c2", T, "a", "x");
    decide("c3", T, "a", "x");
    decisions.add(new LoggedDecision("free", "c4", T, null, null, List.of("x")));
    act("c3", EventType.CLICK, "x", T.plus(Duration.ofMinutes(1)));
    act("c4", EventType.CLICK, "x", T.plus(Duration.ofMinutes(1)));

    AbResult result = AbLog.evaluate(decisions, events, WINDOW);

    assertEquals(1, result.decisionsOutsideExperiments());
    assertEquals(List.of("a", "b"), result.arms().stream().map(ArmOutcome::arm).toList());
    assertEquals(Proportion.of(1, 2), result.arms().get(0).clickThrough());
    assertEquals(Proportion.of(0, 1), result.arms().get(1).clickThrough());
    assertEquals(WINDOW, result.attributionWindow());
  }

  @Test
  void eventsMayComeInAnyOrder() {
    decide("c1", T.plus(Duration.ofHours(1)), "a", "x");
    decide("c1", T, "a", "x");
    act("c1", EventType.CLICK, "x", T.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(1)));
    act("c1", EventType.CLICK, "x", T.plus(Duration.ofMinutes(1)));

    assertEquals(Proportion.of(2, 2), onlyArm().clickThrough());
  }

  private ArmOutcome onlyArm() {
    List<ArmOutcome> arms = AbLog.evaluate(decisions, events, WINDOW).arms();
    assertEquals(1, arms.size());
    return arms.get(0);
  }

  private void decide(String customer, Instant at, String arm, String... items) {
    decisions.add(new LoggedDecision("d" + decisions.size(), customer, at, EXPERIMENT, arm, List.of(items)));
  }

  private void act(String customer, EventType type, String item, Instant at) {
    events.add(CustomerEvent.of("e" + events.size(), customer, type, item, at));
  }
}
