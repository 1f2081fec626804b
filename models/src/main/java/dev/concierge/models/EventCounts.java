package dev.concierge.models;

/** How many events of each type a customer has produced. */
public record EventCounts(long view, long click, long addToCart, long purchase) {

  public static final EventCounts ZERO = new EventCounts(0, 0, 0, 0);

  public EventCounts plus(EventType type) {
    return switch (type) {
      case VIEW -> new EventCounts(view + 1, click, addToCart, purchase);
      case CLICK -> new EventCounts(view, click + 1, addToCart, purchase);
      case ADD_TO_CART -> new EventCounts(view, click, addToCart + 1, purchase);
      case PURCHASE -> new EventCounts(view, click, addToCart, purchase + 1);
    };
  }

  public long of(EventType type) {
    return switch (type) {
      case VIEW -> view;
      case CLICK -> click;
      case ADD_TO_CART -> addToCart;
      case PURCHASE -> purchase;
    };
  }

  public long total() {
    return view + click + addToCart + purchase;
  }
}
