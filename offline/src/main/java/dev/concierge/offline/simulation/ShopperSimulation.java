package dev.concierge.offline.simulation;

import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Synthetic shoppers with learnable behaviour, for training, backtests, integration tests,
 * benchmarks and demos. Shoppers and items have latent tastes ({@link #tastes()}), items a
 * long-tailed popularity; shoppers browse in sessions along hidden clusters of related items
 * ({@link #clusters()}), click, cart and buy what suits their taste, buy some items without looking
 * at them first, re-buy consumables, and sometimes wander at random ({@link ShopperBehaviour}).
 *
 * <p>The events come out in time order (ties by customer), exactly {@code settings.events()} of
 * them, with ids {@code sim-<seed>-<n>} counting from 1. Memory grows with the customers, not
 * the events: every shopper holds just their next event and what they bought.
 */
public final class ShopperSimulation {

  private static final Comparator<ShopperActivity> BY_TIME_THEN_CUSTOMER =
      Comparator.comparingLong(ShopperActivity::second).thenComparingInt(ShopperActivity::index);

  private final SimulationSettings settings;
  private final ShopperBehaviour behaviour;
  private final Assortment assortment;
  private final LatentTastes tastes;
  private final ShopperTraits[] shoppers;
  private final long[] budgets;
  private final long[] shopperSeeds;

  private ShopperSimulation(
      SimulationSettings settings,
      ShopperBehaviour behaviour,
      Assortment assortment,
      LatentTastes tastes,
      ShopperTraits[] shoppers,
      long[] budgets,
      long[] shopperSeeds) {
    this.settings = settings;
    this.behaviour = behaviour;
    this.assortment = assortment;
    this.tastes = tastes;
    this.shoppers = shoppers;
    this.budgets = budgets;
    this.shopperSeeds = shopperSeeds;
  }

  /** Shoppers who behave as {@code reference.conf} says ({@link ShopperBehaviour#DEFAULT}). */
  public static ShopperSimulation of(SimulationSettings settings, List<CatalogItem> catalog) {
    return of(settings, ShopperBehaviour.DEFAULT, catalog);
  }

  /**
   * @throws IllegalArgumentException when the catalog is empty or lists an item twice, or when the
   *     busiest shopper would need more sessions than the period holds
   */
  public static ShopperSimulation of(
      SimulationSettings settings, ShopperBehaviour behaviour, List<CatalogItem> catalog) {
    SplittableRandom root = new SplittableRandom(settings.seed());
    Assortment assortment = new Assortment(catalog, behaviour, root.split());
    SplittableRandom traits = root.split();
    SplittableRandom seeds = root.split();
    LatentTastes tastes = TasteDraw.draw(assortment, behaviour, settings.customers(), root.split());
    ShopperTraits[] shoppers = new ShopperTraits[settings.customers()];
    double[] activity = new double[shoppers.length];
    long[] shopperSeeds = new long[shoppers.length];
    for (int i = 0; i < shoppers.length; i++) {
      shoppers[i] = ShopperTraits.draw(traits);
      activity[i] = shoppers[i].activity();
      shopperSeeds[i] = seeds.nextLong();
    }
    long[] budgets = EventBudget.split(settings.events(), activity);
    long capacity = SessionSchedule.capacity(settings.duration());
    for (long budget : budgets) {
      if (budget > capacity) {
        throw new IllegalArgumentException(
            settings.events() + " events over " + settings.customers() + " customers give the busiest customer "
                + budget + " events, more than the " + capacity + " that fit into " + settings.duration()
                + "; add customers or lengthen the period");
      }
    }
    return new ShopperSimulation(settings, behaviour, assortment, tastes, shoppers, budgets, shopperSeeds);
  }

  public SimulationSettings settings() {
    return settings;
  }

  public ShopperBehaviour behaviour() {
    return behaviour;
  }

  /** The shoppers' and items' hidden tastes: the ground truth for what each shopper picks. */
  public LatentTastes tastes() {
    return tastes;
  }

  /** The categories whose items shoppers buy again once they run out. */
  public List<String> consumableCategories() {
    return assortment.consumableCategories();
  }

  /** The hidden related-item structure the shoppers browse along: the ground truth for co-views. */
  public ItemClusters clusters() {
    return assortment.clusters();
  }

  /** A fresh pass over all events, from the first; every pass gives the same events. */
  public Iterator<CustomerEvent> events() {
    return new TimeOrderedEvents();
  }

  public Stream<CustomerEvent> stream() {
    Spliterator<CustomerEvent> spliterator = Spliterators.spliterator(
        events(), settings.events(), Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE);
    return StreamSupport.stream(spliterator, false);
  }

  /** A k-way merge of the shoppers' own time-ordered events. */
  private final class TimeOrderedEvents implements Iterator<CustomerEvent> {

    private final PriorityQueue<ShopperActivity> queue =
        new PriorityQueue<>(Math.max(1, shoppers.length), BY_TIME_THEN_CUSTOMER);
    private final String eventIdPrefix = "sim-" + settings.seed() + "-";
    private long emitted;

    TimeOrderedEvents() {
      for (int i = 0; i < shoppers.length; i++) {
        ShopperActivity shopper = new ShopperActivity(
            i, shoppers[i], budgets[i], settings.duration(), assortment, behaviour, tastes,
            new SplittableRandom(shopperSeeds[i]));
        if (shopper.hasNext()) {
          queue.add(shopper);
        }
      }
    }

    @Override
    public boolean hasNext() {
      return !queue.isEmpty();
    }

    @Override
    public CustomerEvent next() {
      ShopperActivity shopper = queue.poll();
      if (shopper == null) {
        throw new NoSuchElementException("all " + emitted + " simulated events were taken");
      }
      emitted++;
      CustomerEvent event = shopper.emit(eventIdPrefix + emitted, settings.start());
      if (shopper.hasNext()) {
        queue.add(shopper);
      }
      return event;
    }
  }
}
