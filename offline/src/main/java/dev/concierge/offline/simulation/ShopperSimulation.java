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
 * benchmarks and demos. Each shopper has hidden favourite categories, a price level and an
 * activity rate; they browse in sessions along hidden clusters of related items
 * ({@link #clusters()}), and go down the view, click, cart, purchase funnel the likelier the more
 * an item suits them.
 *
 * <p>The events come out in time order (ties by customer), exactly {@code settings.events()} of
 * them, with ids {@code sim-<seed>-<n>} counting from 1. Memory grows with the customers, not
 * the events: every shopper holds just their next event.
 */
public final class ShopperSimulation {

  private static final Comparator<ShopperActivity> BY_TIME_THEN_CUSTOMER =
      Comparator.comparingLong(ShopperActivity::second).thenComparingInt(ShopperActivity::index);

  private final SimulationSettings settings;
  private final Assortment assortment;
  private final ShopperTraits[] shoppers;
  private final long[] budgets;
  private final long[] shopperSeeds;

  private ShopperSimulation(
      SimulationSettings settings,
      Assortment assortment,
      ShopperTraits[] shoppers,
      long[] budgets,
      long[] shopperSeeds) {
    this.settings = settings;
    this.assortment = assortment;
    this.shoppers = shoppers;
    this.budgets = budgets;
    this.shopperSeeds = shopperSeeds;
  }

  /**
   * @throws IllegalArgumentException when the catalog is empty or lists an item twice, or when the
   *     busiest shopper would need more sessions than the period holds
   */
  public static ShopperSimulation of(SimulationSettings settings, List<CatalogItem> catalog) {
    SplittableRandom root = new SplittableRandom(settings.seed());
    Assortment assortment = new Assortment(catalog, root.split());
    SplittableRandom tastes = root.split();
    SplittableRandom seeds = root.split();
    ShopperTraits[] shoppers = new ShopperTraits[settings.customers()];
    double[] activity = new double[shoppers.length];
    long[] shopperSeeds = new long[shoppers.length];
    for (int i = 0; i < shoppers.length; i++) {
      shoppers[i] = ShopperTraits.draw(tastes, assortment);
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
    return new ShopperSimulation(settings, assortment, shoppers, budgets, shopperSeeds);
  }

  public SimulationSettings settings() {
    return settings;
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
            i, shoppers[i], budgets[i], settings.duration(), assortment, new SplittableRandom(shopperSeeds[i]));
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
