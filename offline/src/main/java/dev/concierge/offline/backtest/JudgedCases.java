package dev.concierge.offline.backtest;

import dev.concierge.models.EventType;

/**
 * Which events of the test window are cases. The honest protocol, the default, judges purchases of items
 * the shopper had not touched before (no event of theirs on the item since the replay began), and leaves
 * every item the shopper touched out of every model's list: re-showing what a shopper has just viewed or
 * bought is not a recommendation, and a protocol that credits it lets "show the last viewed item" win.
 *
 * @param clicks  clicks are judged as well as purchases
 * @param repeats cases whose item the shopper had touched are judged too, and touched items stay in the
 *     lists: the protocol for "buy again" and "recently viewed" recommendations
 */
public record JudgedCases(boolean clicks, boolean repeats) {

  /** Purchases of untouched items, ranked without the touched ones. */
  public static final JudgedCases HONEST = new JudgedCases(false, false);

  public boolean judges(EventType type) {
    return type == EventType.PURCHASE || (clicks && type == EventType.CLICK);
  }

  /** The event types judged, for people: "purchases" or "clicks and purchases". */
  public String describeTypes() {
    return clicks ? "clicks and purchases" : "purchases";
  }
}
