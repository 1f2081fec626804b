package dev.concierge.engine.decision;

/** Where answered decisions are recorded; recording never delays or fails the answer. */
@FunctionalInterface
public interface DecisionLog {
  void record(DecisionOutcome outcome);
}
