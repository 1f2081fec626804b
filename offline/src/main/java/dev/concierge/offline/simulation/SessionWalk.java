package dev.concierge.offline.simulation;

import dev.concierge.models.EventType;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * One shopper's path through the catalog within a session: the item they are on, what they do
 * with it, and where they go next. Most moves stay within the hidden cluster of related items or
 * hop to its complementary cluster, which is the co-view structure models can learn.
 */
final class SessionWalk {

  /** Shares of the moves after leaving an item; the rest switch to a newly chosen category. */
  private static final double STAY_IN_CLUSTER = 0.55;
  private static final double HOP_TO_COMPLEMENT = 0.12;
  private static final double STAY_IN_CATEGORY = 0.23;

  private final Assortment assortment;
  private final ShopperTraits traits;
  private final SplittableRandom random;
  private final IntToDoubleFunction priceFit;
  /** Nobody buys the same item twice in one visit, however often they come back to it. */
  private final Set<Integer> boughtThisSession = new HashSet<>();

  private int homeCategory;
  private int item;
  private double itemPriceFit;
  private double itemAppeal;
  private EventType type;
  private int quantity;

  SessionWalk(Assortment assortment, ShopperTraits traits, SplittableRandom random) {
    this.assortment = assortment;
    this.traits = traits;
    this.random = random;
    this.priceFit = candidate -> traits.priceFit(assortment.logPrice(candidate));
  }

  /** Enters the session on a popular, affordable item of a category the shopper picks. */
  void start() {
    boughtThisSession.clear();
    homeCategory = traits.pickCategory(random);
    view(assortment.pickInCategory(homeCategory, random, priceFit));
  }

  /** Moves to the shopper's next event. */
  void advance() {
    boolean cartable = assortment.item(item).inStock() && !boughtThisSession.contains(item);
    EventType next = Funnel.next(type, itemAppeal, itemPriceFit, cartable, random);
    if (next == EventType.VIEW) {
      view(nextItem());
    } else {
      if (next == EventType.ADD_TO_CART) {
        quantity = Funnel.quantity(random);
      } else if (next == EventType.PURCHASE) {
        boughtThisSession.add(item);
      }
      type = next;
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

  private int nextItem() {
    ItemClusters clusters = assortment.clusters();
    int cluster = clusters.clusterOfItem(item);
    double move = random.nextDouble();
    int next = -1;
    if (move < STAY_IN_CLUSTER) {
      next = assortment.pickNeighbour(item, random, priceFit);
    } else if (move < STAY_IN_CLUSTER + HOP_TO_COMPLEMENT && clusters.hasComplement(cluster)) {
      next = assortment.pickInCluster(clusters.complement(cluster), random, priceFit);
    } else if (move < STAY_IN_CLUSTER + HOP_TO_COMPLEMENT + STAY_IN_CATEGORY) {
      next = assortment.pickInCategory(homeCategory, random, priceFit);
    }
    if (next < 0) {
      homeCategory = traits.pickCategory(random);
      next = assortment.pickInCategory(homeCategory, random, priceFit);
    }
    return next;
  }

  private void view(int viewed) {
    item = viewed;
    itemPriceFit = priceFit.applyAsDouble(viewed);
    itemAppeal = traits.appeal(assortment.categoryOf(viewed), itemPriceFit);
    type = EventType.VIEW;
    quantity = 1;
  }
}
