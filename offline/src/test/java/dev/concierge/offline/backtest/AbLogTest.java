package dev.concierge.offline.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  @Test
  void aClickNamingADecisionCountsForThatDecisionOnlyThoughAnEarlierOneInTheWindowShowedTheItem() {
    decide("c1", T, "a", "x");
    String second = decide("c1", T.plus(Duration.ofMinutes(5)), "b", "x");
    actNaming(second, "c1", EventType.CLICK, "x", T.plus(Duration.ofMinutes(10)));

    AbResult result = AbLog.evaluate(decisions, events, WINDOW);

    assertEquals(Proportion.of(0, 1), arm(result, "a").clickThrough());
    assertEquals(Proportion.of(1, 1), arm(result, "b").clickThrough());
    assertEquals(new JoinCounts(0, 0), arm(result, "a").joins());
    assertEquals(new JoinCounts(1, 0), arm(result, "b").joins());
  }

  @Test
  void aClickNamingADecisionOfAnotherArmCountsForThatArmNotForTheOneTheWindowWouldPick() {
    String otherArm = decide("c1", T, "b", "x");
    decide("c1", T.plus(Duration.ofMinutes(5)), "a", "x");
    actNaming(otherArm, "c1", EventType.CLICK, "x", T.plus(Duration.ofMinutes(6)));

    AbResult result = AbLog.evaluate(decisions, events, WINDOW);

    assertEquals(Proportion.of(0, 1), arm(result, "a").clickThrough());
    assertEquals(Proportion.of(1, 1), arm(result, "b").clickThrough());
  }

  @Test
  void aPurchaseNamingADecisionCountsByIdOutsideTheWindowAndUnderAnotherCustomerId() {
    String decision = decide("anon-1", T, "a", "x");
    actNaming(decision, "c-42", EventType.PURCHASE, "x", T.plus(WINDOW).plus(Duration.ofDays(1)));

    ArmOutcome arm = onlyArm();

    assertEquals(Proportion.of(1, 1), arm.clickThrough());
    assertEquals(Proportion.of(1, 1), arm.purchase());
    assertEquals(new JoinCounts(1, 0), arm.joins());
  }

  @Test
  void anIdThatNamesNoLoggedDecisionOrADecisionWithoutTheItemIsUnmatchedAndNotAttributedByTheWindow() {
    String decision = decide("c1", T, "a", "x", "y");
    actNaming("never-logged", "c1", EventType.CLICK, "x", T.plus(Duration.ofMinutes(1)));
    actNaming(decision, "c1", EventType.PURCHASE, "z", T.plus(Duration.ofMinutes(2)));
    decide("c1", T.plus(Duration.ofMinutes(1)), "a", "z");

    AbResult result = AbLog.evaluate(decisions, events, WINDOW);

    assertEquals(new UnmatchedIds(1, 1), result.unmatchedIds());
    assertEquals(Proportion.of(0, 2), result.arms().get(0).clickThrough());
    assertEquals(new JoinCounts(0, 0), result.arms().get(0).joins());
  }

  @Test
  void eventsWithoutAnIdAreJoinedByTheWindowAndCountOncePerArmHoweverManyDecisionsTheyCredit() {
    decide("c1", T, "a", "x");
    decide("c1", T.plus(Duration.ofMinutes(1)), "a", "x");
    String named = decide("c1", T.plus(Duration.ofMinutes(2)), "a", "y");
    act("c1", EventType.CLICK, "x", T.plus(Duration.ofMinutes(3)));
    actNaming(named, "c1", EventType.CLICK, "y", T.plus(Duration.ofMinutes(4)));
    actNaming(" ", "c1", EventType.CLICK, "x", T.plus(Duration.ofMinutes(5)));

    ArmOutcome arm = onlyArm();

    assertEquals(Proportion.of(3, 3), arm.clickThrough());
    assertEquals(new JoinCounts(1, 2), arm.joins(), "a blank id is no id");
  }

  @Test
  void aDecisionLoggedTwiceUnderOneIdCountsOnce() {
    String decision = decide("c1", T, "a", "x");
    decisions.add(decisions.get(0));
    actNaming(decision, "c1", EventType.CLICK, "x", T.plus(Duration.ofMinutes(1)));

    assertEquals(Proportion.of(1, 1), onlyArm().clickThrough());
  }

  @Test
  void anIdNamingADecisionOutsideExperimentsIsMatchedButCreditsNoArm() {
    decisions.add(new LoggedDecision("free", "c1", T, null, null, List.of("x")));
    decide("c1", T, "a", "x");
    actNaming("free", "c1", EventType.CLICK, "x", T.plus(Duration.ofMinutes(1)));

    AbResult result = AbLog.evaluate(decisions, events, WINDOW);

    assertEquals(new UnmatchedIds(0, 0), result.unmatchedIds());
    assertEquals(Proportion.of(0, 1), result.arms().get(0).clickThrough());
  }

  @Test
  void anAddToCartIsNoOutcomeWithAnIdEither() {
    String decision = decide("c1", T, "a", "x");
    actNaming(decision, "c1", EventType.ADD_TO_CART, "x", T.plus(Duration.ofMinutes(1)));
    actNaming("never-logged", "c1", EventType.ADD_TO_CART, "x", T.plus(Duration.ofMinutes(1)));

    AbResult result = AbLog.evaluate(decisions, events, WINDOW);

    assertEquals(Proportion.of(0, 1), result.arms().get(0).clickThrough());
    assertEquals(new UnmatchedIds(0, 0), result.unmatchedIds());
  }

  private ArmOutcome onlyArm() {
    List<ArmOutcome> arms = AbLog.evaluate(decisions, events, WINDOW).arms();
    assertEquals(1, arms.size());
    return arms.get(0);
  }

  private static ArmOutcome arm(AbResult result, String name) {
    return result.arms().stream().filter(arm -> arm.arm().equals(name)).findFirst().orElseThrow();
  }

  private String decide(String customer, Instant at, String arm, String... items) {
    String decisionId = "d" + decisions.size();
    decisions.add(new LoggedDecision(decisionId, customer, at, EXPERIMENT, arm, List.of(items)));
    return decisionId;
  }

  private void actNaming(String decisionId, String customer, EventType type, String item, Instant at) {
    events.add(new CustomerEvent(
        "e" + events.size(), customer, type, item, at, null, 1, null, Map.of(AbLog.DECISION_ID, decisionId)));
  }

  private void act(String customer, EventType type, String item, Instant at) {
    events.add(CustomerEvent.of("e" + events.size(), customer, type, item, at));
  }
}
