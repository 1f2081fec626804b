package dev.concierge.offline.simulation;

import dev.concierge.models.EventType;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One shopper's path through the catalog, visit after visit: the item they are on, what they do with
 * it, and where they go next.
 *
 * <p>A visit opens with re-buying a consumable that ran out, or with buying an item picked by taste
 * without looking at it first, or with landing on an item picked by taste. From an item the shopper
 * mostly moves within its hidden cluster of related items, hops to the complementary cluster or stays
 * in the category (the co-view structure models can learn), and sometimes picks anew from the whole
 * catalog by taste, or wanders to a random item (noise). Every pick weighs taste, popularity and price
 * ({@link TastePicker}); clicks, carts and purchases follow the item's appeal ({@link Funnel}).
 */
final class SessionWalk {

  /**
   * Shares of the moves after leaving an item. The first two follow links to related items; the
   * others pick from a listing: the category's page, or the rest, anything in the catalog (search,
   * recommendations).
   */
  private static final double STAY_IN_CLUSTER = 0.45;
  private static final double HOP_TO_COMPLEMENT = 0.1;
  private static final double STAY_IN_CATEGORY = 0.15;
  /** Log-normal spread of the time until a consumable is due again, purchase to purchase. */
  private static final double REBUY_JITTER = 0.2;
  private static final int NONE = -1;

  private final Assortment assortment;
  private final ShopperBehaviour behaviour;
  private final TastePicker picker;
  private final SplittableRandom random;
  /** Nobody buys the same item twice in one visit, however often they come back to it. */
  private final Set<Integer> boughtThisSession = new HashSet<>();
  /** Durable goods are bought once; consumables come back through {@link #rebuys}. */
  private final Set<Integer> boughtDurables = new HashSet<>();
  private final Rebuys rebuys = new Rebuys();

  private int homeCategory;
  private int item;
  private double itemPriceFit;
  private double itemAppeal;
  private EventType type;
  private int quantity;

  SessionWalk(
      Assortment assortment, ShopperBehaviour behaviour, LatentTastes tastes, int shopper, SplittableRandom random) {
    this.assortment = assortment;
    this.behaviour = behaviour;
    this.picker = new TastePicker(tastes, assortment, shopper);
    this.random = random;
  }

  /** Opens a visit at {@code second} (seconds into the period) on its first event. */
  void start(long second) {
    boughtThisSession.clear();
    int due = rebuys.due(second);
    if (due != NONE && canBuy(due) && Draws.chance(random, behaviour.rebuyChance())) {
      buyWithoutLooking(due, second);
    } else if (Draws.chance(random, behaviour.directPurchaseShare())) {
      int picked = picker.pickAnywhere(random, this::canBuy);
      if (picked != NONE) {
        buyWithoutLooking(picked, second);
      } else {
        reach(pickAnew());
      }
    } else {
      reach(pickAnew());
    }
  }

  /** The visit is over. */
  void end() {
    picker.endVisit();
  }

  /** Moves to the shopper's next event, at {@code second}. */
  void advance(long second) {
    switch (type) {
      case CLICK -> type = EventType.VIEW; // the click opens the item's page
      case VIEW -> {
        if (canBuy(item) && Funnel.carts(itemAppeal, random)) {
          quantity = Funnel.quantity(random);
          type = EventType.ADD_TO_CART;
        } else {
          move();
        }
      }
      case ADD_TO_CART -> {
        if (Funnel.buys(itemPriceFit, random)) {
          bought(item, second);
          type = EventType.PURCHASE;
        } else {
          move();
        }
      }
      case PURCHASE -> move();
    }
  }

  int item() {
    return item;
  }

  EventType type() {
    return type;
  }

  /** Units carted or bought; 1 for views and clicks. */
  int quantity() {
    return quantity;
  }

  private void move() {
    if (Draws.chance(random, behaviour.noiseShare())) {
      int any = random.nextInt(assortment.size());
      enter(any, Funnel.clicksThrough(0, random));
      return;
    }
    ItemClusters clusters = assortment.clusters();
    int cluster = clusters.clusterOfItem(item);
    double move = random.nextDouble();
    int related = NONE;
    if (move < STAY_IN_CLUSTER) {
      related = picker.pickAmong(clusters.members(cluster), item, random);
    } else if (move < STAY_IN_CLUSTER + HOP_TO_COMPLEMENT && clusters.hasComplement(cluster)) {
      related = picker.pickAmong(clusters.members(clusters.complement(cluster)), NONE, random);
    }
    if (related != NONE) {
      enter(related, false);
    } else if (move >= STAY_IN_CLUSTER + HOP_TO_COMPLEMENT && move < STAY_IN_CLUSTER + HOP_TO_COMPLEMENT + STAY_IN_CATEGORY) {
      int listed = picker.pickInCategory(homeCategory, item, random);
      enter(listed == NONE ? pickAnew() : listed, false);
    } else {
      reach(pickAnew());
    }
  }

  /**
   * An item picked by taste from the whole catalog, one the shopper does not own yet; its category
   * becomes the one they browse.
   */
  private int pickAnew() {
    int picked = picker.pickAnywhere(random, candidate -> !boughtDurables.contains(candidate));
    if (picked == NONE) {
      picked = assortment.byPopularity(random);
    }
    homeCategory = assortment.categoryOf(picked);
    return picked;
  }

  /** Goes to an item the shopper chose from a listing, by a click the likelier the more it appeals. */
  private void reach(int chosen) {
    enter(chosen, Funnel.clicksThrough(picker.appeal(chosen), random));
  }

  private void enter(int entered, boolean byClick) {
    setItem(entered);
    type = byClick ? EventType.CLICK : EventType.VIEW;
    quantity = 1;
  }

  /** A purchase straight away: a re-buy, or an item the shopper knew they wanted. */
  private void buyWithoutLooking(int bought, long second) {
    setItem(bought);
    homeCategory = assortment.categoryOf(bought);
    quantity = Funnel.quantity(random);
    bought(bought, second);
    type = EventType.PURCHASE;
  }

  private void setItem(int chosen) {
    item = chosen;
    itemPriceFit = picker.priceFit(chosen);
    itemAppeal = picker.appeal(chosen);
  }

  private boolean canBuy(int candidate) {
    return assortment.item(candidate).inStock()
        && !boughtThisSession.contains(candidate)
        && (assortment.consumable(candidate) || !boughtDurables.contains(candidate));
  }

  private void bought(int purchased, long second) {
    boughtThisSession.add(purchased);
    if (assortment.consumable(purchased)) {
      long interval = Math.round(assortment.rebuySeconds(purchased) * Draws.logNormal(random, 1, REBUY_JITTER));
      rebuys.schedule(purchased, second + Math.max(1, interval));
    } else {
      boughtDurables.add(purchased);
    }
  }
}
