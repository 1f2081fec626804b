package dev.concierge.models;

/** How many interactions of each type a customer has produced; a merge is none, and counts nowhere. */
public record EventCounts(long view, long click, long addToCart, long purchase) {

  public static final EventCounts ZERO = new EventCounts(0, 0, 0, 0);

  public EventCounts plus(EventType type) {
    return switch (type) {
      case VIEW -> new EventCounts(view + 1, click, addToCart, purchase);
      case CLICK -> new EventCounts(view, click + 1, addToCart, purchase);
      case ADD_TO_CART -> new EventCounts(view, click, addToCart + 1, purchase);
      case PURCHASE -> new EventCounts(view, click, addToCart, purchase + 1);
      case MERGE -> this;
    };
  }

  public long of(EventType type) {
    return switch (type) {
      case VIEW -> view;
      case CLICK -> click;
      case ADD_TO_CART -> addToCart;
      case PURCHASE -> purchase;
      case MERGE -> 0;
    };
  }

  /** Both customers' counts together, each saturating at {@code Long.MAX_VALUE}. */
  public EventCounts plus(EventCounts other) {
    return new EventCounts(
        saturatedSum(view, other.view), saturatedSum(click, other.click), saturatedSum(addToCart, other.addToCart),
        saturatedSum(purchase, other.purchase));
  }

  private static long saturatedSum(long a, long b) {
    long sum = a + b;
    // overflow only when both have the same sign and the sum's differs
    return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
  }

  public long total() {
    return view + click + addToCart + purchase;
  }
}
