package dev.concierge.engine.decision;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Every decision answers within {@code deadline}: the customer's actor has the deadline less the
 * reserve, and the fallback, computed here if the actor is late, has the reserve. Read from {@code
 * concierge.decisions}.
 *
 * @param fallbackReserve time kept back for the fallback: the scheduler fires an ask's timeout up to
 *     one tick late, and the fallback ranks popular items under the rules
 */
public record DecisionDeadline(Duration deadline, Duration fallbackReserve) {

  public DecisionDeadline {
    if (fallbackReserve.isNegative() || fallbackReserve.compareTo(deadline) >= 0) {
      throw new IllegalArgumentException(
          "concierge.decisions.fallback-reserve (" + fallbackReserve + ") must be at least 0 and less than"
              + " concierge.decisions.deadline (" + deadline + ")");
    }
  }

  public static DecisionDeadline fromConfig(Config decisions) {
    return new DecisionDeadline(decisions.getDuration("deadline"), decisions.getDuration("fallback-reserve"));
  }

  /** How long the customer's actor has to answer. */
  public Duration actorTimeout() {
    return deadline.minus(fallbackReserve);
  }
}
