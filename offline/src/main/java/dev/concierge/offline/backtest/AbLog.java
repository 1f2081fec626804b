package dev.concierge.offline.backtest;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventTime;
import dev.concierge.models.EventType;
import dev.concierge.models.recommend.TrainingSetBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads logged A/B decisions against what the customers then did: a decision counts as clicked when
 * its customer clicked or bought one of its items within the attribution window after it (from the
 * decision's instant, inclusive, to the window's end, inclusive), and as purchased when they bought
 * one. Each decision counts at most once per outcome, however many of its items were taken.
 *
 * <p>The decisions are held in memory, indexed by customer; the events stream through once and may
 * come in any order.
 */
public final class AbLog {

  private static final Comparator<ArmKey> BY_NAME =
      Comparator.comparing(ArmKey::experiment)
          .thenComparing(ArmKey::arm, Comparator.nullsFirst(Comparator.naturalOrder()));

  private AbLog() {}

  /** Decisions outside experiments are only counted: no arm is theirs. */
  public static AbResult evaluate(
      Iterable<LoggedDecision> decisions, Iterable<CustomerEvent> events, Duration attributionWindow) {
    Map<String, List<Outcome>> byCustomer = new HashMap<>();
    long outside = 0;
    for (LoggedDecision decision : decisions) {
      if (decision.experiment() == null) {
        outside++;
      } else {
        byCustomer.computeIfAbsent(decision.customerId(), customer -> new ArrayList<>()).add(new Outcome(decision));
      }
    }
    byCustomer.values().forEach(outcomes -> outcomes.sort(Comparator.comparing(outcome -> outcome.decision.at())));
    long windowMillis = attributionWindow.toMillis();
    for (CustomerEvent event : events) {
      List<Outcome> outcomes = byCustomer.get(event.customerId());
      if (outcomes != null && TrainingSetBuilder.isLabel(event)) {
        attribute(event, outcomes, windowMillis);
      }
    }
    return new AbResult(attributionWindow, outside, perArm(byCustomer));
  }

  /** Marks the decisions shown within the window before {@code event} that held its item. */
  private static void attribute(CustomerEvent event, List<Outcome> outcomes, long windowMillis) {
    long at = EventTime.millisOf(event.timestamp());
    for (int i = firstAtOrAfter(outcomes, at - windowMillis); i < outcomes.size(); i++) {
      Outcome outcome = outcomes.get(i);
      if (outcome.atMillis > at) {
        break;
      }
      if (outcome.decision.items().contains(event.itemId())) {
        outcome.clicked = true;
        outcome.purchased |= event.type() == EventType.PURCHASE;
      }
    }
  }

  private static int firstAtOrAfter(List<Outcome> outcomes, long millis) {
    int low = 0;
    int high = outcomes.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (outcomes.get(middle).atMillis < millis) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private static List<ArmOutcome> perArm(Map<String, List<Outcome>> byCustomer) {
    Map<ArmKey, Tally> tallies = new TreeMap<>(BY_NAME);
    for (List<Outcome> outcomes : byCustomer.values()) {
      for (Outcome outcome : outcomes) {
        tallies
            .computeIfAbsent(new ArmKey(outcome.decision.experiment(), outcome.decision.arm()), key -> new Tally())
            .add(outcome);
      }
    }
    List<ArmOutcome> arms = new ArrayList<>(tallies.size());
    tallies.forEach((key, tally) -> arms.add(new ArmOutcome(
        key.experiment(), key.arm(),
        Proportion.of(tally.clicked, tally.decisions), Proportion.of(tally.purchased, tally.decisions))));
    return arms;
  }

  private record ArmKey(String experiment, String arm) {}

  private static final class Tally {
    private long decisions;
    private long clicked;
    private long purchased;

    void add(Outcome outcome) {
      decisions++;
      clicked += outcome.clicked ? 1 : 0;
      purchased += outcome.purchased ? 1 : 0;
    }
  }

  private static final class Outcome {
    private final LoggedDecision decision;
    private final long atMillis;
    private boolean clicked;
    private boolean purchased;

    Outcome(LoggedDecision decision) {
      this.decision = decision;
      this.atMillis = decision.at().toEpochMilli();
    }
  }
}
