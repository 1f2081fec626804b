package dev.concierge.offline.backtest;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventTime;
import dev.concierge.models.EventType;
import dev.concierge.offline.training.TrainingSetBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads logged A/B decisions against what the customers then did. A click or purchase is joined to the
 * decisions it answers in one of two ways:
 *
 * <ul>
 *   <li>by id, when it carries {@code context.decisionId} (the browser SDK adds it): it counts for the
 *       decision it names, and only that one, when that decision showed its item, whenever it happened and
 *       whoever the customer was by then (a shopper may sign in between the two). An id that names no logged
 *       decision, or a decision that did not show the item, is counted as unmatched and credits nothing;
 *   <li>by the attribution window otherwise: it counts for every decision of its customer that showed its
 *       item, from the decision's instant, inclusive, to the window's end, inclusive.
 * </ul>
 *
 * <p>A decision counts as clicked when a click or purchase was joined to it, and as purchased when a purchase
 * was. Each decision counts at most once per outcome, however many of its items were taken. A decision logged
 * twice under one id (the log's producer may resend) counts once.
 *
 * <p>The decisions are held in memory, indexed by id and by customer; the events stream through once and may
 * come in any order.
 */
public final class AbLog {

  /** The key of {@link CustomerEvent#context()} under which the browser SDK names the decision. */
  public static final String DECISION_ID = "decisionId";

  private static final ArmKey OUTSIDE_EXPERIMENTS = new ArmKey(null, null);
  private static final Comparator<ArmKey> BY_NAME =
      Comparator.comparing(ArmKey::experiment)
          .thenComparing(ArmKey::arm, Comparator.nullsFirst(Comparator.naturalOrder()));

  private final Map<ArmKey, Tally> tallies = new HashMap<>();
  private final Map<String, Outcome> byId = new HashMap<>();
  private final Map<String, List<Outcome>> byCustomer = new HashMap<>();
  private final long windowMillis;
  private long unknownDecision;
  private long itemNotShown;
  /** Numbers the events joined so far, so that one event counts once per arm however many decisions it credits. */
  private long eventSequence;

  private AbLog(Duration attributionWindow) {
    this.windowMillis = attributionWindow.toMillis();
    tallies.put(OUTSIDE_EXPERIMENTS, new Tally());
  }

  /** Decisions outside experiments are only counted: no arm is theirs, and what is joined to them is not shown. */
  public static AbResult evaluate(
      Iterable<LoggedDecision> decisions, Iterable<CustomerEvent> events, Duration attributionWindow) {
    AbLog log = new AbLog(attributionWindow);
    decisions.forEach(log::index);
    log.byCustomer.values().forEach(outcomes -> outcomes.sort(Comparator.comparing(outcome -> outcome.atMillis)));
    for (CustomerEvent event : events) {
      if (TrainingSetBuilder.isLabel(event)) {
        log.join(event);
      }
    }
    return new AbResult(attributionWindow, log.tallies.get(OUTSIDE_EXPERIMENTS).decisions,
        new UnmatchedIds(log.unknownDecision, log.itemNotShown), log.perArm());
  }

  private void index(LoggedDecision decision) {
    if (byId.containsKey(decision.decisionId())) {
      return;
    }
    ArmKey key = decision.experiment() == null ? OUTSIDE_EXPERIMENTS : new ArmKey(decision.experiment(), decision.arm());
    Outcome outcome = new Outcome(decision, tallies.computeIfAbsent(key, absent -> new Tally()));
    outcome.tally.decisions++;
    byId.put(decision.decisionId(), outcome);
    byCustomer.computeIfAbsent(decision.customerId(), customer -> new ArrayList<>()).add(outcome);
  }

  private void join(CustomerEvent event) {
    eventSequence++;
    String decisionId = event.context().get(DECISION_ID);
    if (decisionId == null || decisionId.isBlank()) {
      joinByWindow(event);
    } else {
      joinById(event, decisionId);
    }
  }

  private void joinById(CustomerEvent event, String decisionId) {
    Outcome outcome = byId.get(decisionId);
    if (outcome == null) {
      unknownDecision++;
    } else if (!outcome.shows(event)) {
      itemNotShown++;
    } else {
      outcome.credit(event);
      outcome.tally.joinedById++;
    }
  }

  /** Credits the decisions of the event's customer shown within the window before it that held its item. */
  private void joinByWindow(CustomerEvent event) {
    List<Outcome> outcomes = byCustomer.get(event.customerId());
    if (outcomes == null) {
      return;
    }
    long at = EventTime.millisOf(event.timestamp());
    for (int i = firstAtOrAfter(outcomes, at - windowMillis); i < outcomes.size(); i++) {
      Outcome outcome = outcomes.get(i);
      if (outcome.atMillis > at) {
        break;
      }
      if (outcome.shows(event)) {
        outcome.credit(event);
        outcome.tally.joinedByWindow(eventSequence);
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

  private List<ArmOutcome> perArm() {
    List<ArmOutcome> arms = new ArrayList<>(tallies.size());
    for (Outcome outcome : byId.values()) {
      outcome.tally.count(outcome);
    }
    tallies.entrySet().stream()
        .filter(entry -> entry.getKey().experiment() != null)
        .sorted(Map.Entry.comparingByKey(BY_NAME))
        .forEach(entry -> arms.add(entry.getValue().outcome(entry.getKey())));
    return arms;
  }

  private record ArmKey(String experiment, String arm) {}

  private static final class Tally {
    private long decisions;
    private long clicked;
    private long purchased;
    private long joinedById;
    private long joinedByWindow;
    private long lastEventJoinedByWindow;

    void count(Outcome outcome) {
      clicked += outcome.clicked ? 1 : 0;
      purchased += outcome.purchased ? 1 : 0;
    }

    void joinedByWindow(long event) {
      if (event != lastEventJoinedByWindow) {
        lastEventJoinedByWindow = event;
        joinedByWindow++;
      }
    }

    ArmOutcome outcome(ArmKey key) {
      return new ArmOutcome(key.experiment(), key.arm(), Proportion.of(clicked, decisions),
          Proportion.of(purchased, decisions), new JoinCounts(joinedById, joinedByWindow));
    }
  }

  private static final class Outcome {
    private final LoggedDecision decision;
    private final Tally tally;
    private final long atMillis;
    private boolean clicked;
    private boolean purchased;

    Outcome(LoggedDecision decision, Tally tally) {
      this.decision = decision;
      this.tally = tally;
      this.atMillis = decision.at().toEpochMilli();
    }

    boolean shows(CustomerEvent event) {
      return decision.items().contains(event.itemId());
    }

    void credit(CustomerEvent event) {
      clicked = true;
      purchased |= event.type() == EventType.PURCHASE;
    }
  }
}
