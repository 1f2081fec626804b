package dev.concierge.benchmarks.serialization;

import com.typesafe.config.Config;
import dev.concierge.benchmarks.SimulatedHistory;
import dev.concierge.benchmarks.footprint.FullCustomers;
import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.engine.rules.RulesSettings;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.FeatureState;
import dev.concierge.models.RankedItem;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.ServingModel;
import dev.concierge.models.rules.BusinessRules;
import dev.concierge.offline.simulation.SimulationSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Realistic values of each message type, {@link #COUNT} of them, so that a benchmark does not write one
 * value over and over:
 *
 * <ul>
 *   <li>journal events: spread evenly over a simulated storefront history, so the event types mix as in
 *       the stream (mostly views; prices on carts and purchases, a session id on every event);
 *   <li>snapshots: customers holding the standard feature set ({@link FullCustomers}), as
 *       {@code CustomerEntity} snapshots them;
 *   <li>decisions: what those customers get back from {@link Recommender} with the heuristic model and the
 *       configured rules, the model a node serves before any bundle is published.
 * </ul>
 */
public final class SampleMessages {

  /** A power of two, so that benchmarks cycle through the samples with a mask. */
  public static final int COUNT = 64;

  private static final int CATALOG_ITEMS = 1_000;
  private static final long CATALOG_SEED = 42;
  private static final int CUSTOMERS = 300;
  private static final long EVENTS = 30_000;
  private static final long HISTORY_SEED = 11;
  private static final int ITEMS_PER_DECISION = 10;

  private SampleMessages() {}

  /** @param concierge the {@code concierge} section of the node's configuration */
  public static List<Object> of(MessageKind kind, Config concierge) {
    return switch (kind) {
      case EVENT_RECORDED -> recordedEvents();
      case CUSTOMER_SNAPSHOT -> snapshots(new FullCustomers(concierge));
      case DECISION -> decisions(new FullCustomers(concierge), concierge);
    };
  }

  private static List<Object> recordedEvents() {
    List<EventRecorded> history =
        SimulatedHistory.generate(CATALOG_ITEMS, CATALOG_SEED, SimulationSettings.of(CUSTOMERS, EVENTS, HISTORY_SEED))
            .events();
    int step = history.size() / COUNT;
    return IntStream.range(0, COUNT).mapToObj(i -> (Object) history.get(i * step)).toList();
  }

  private static List<Object> snapshots(FullCustomers customers) {
    return IntStream.range(0, COUNT).mapToObj(customer -> (Object) customers.snapshot(customer)).toList();
  }

  private static List<Object> decisions(FullCustomers customers, Config concierge) {
    CustomerSettings settings = customers.settings();
    Recommender recommender = new Recommender(settings.recommender(), settings.features());
    ServingModel model = ServingModel.heuristic(
        customers.catalog(), customers.vocabulary(), concierge.getInt("recommender.popular-per-list"));
    BusinessRules rules = RulesSettings.fromConfig(concierge.getConfig("rules"));
    List<Object> decisions = new ArrayList<>(COUNT);
    for (int customer = 0; customer < COUNT; customer++) {
      FeatureState state = customers.state(customer);
      DecisionQuery query = new DecisionQuery(FullCustomers.customerId(customer), ITEMS_PER_DECISION, null, null, null);
      List<RankedItem> items = recommender.recommend(
          model, state, customers.vocabulary(), customers.catalog(), null, query, rules, state.lastEventAtMillis());
      if (items.size() != ITEMS_PER_DECISION) {
        throw new IllegalStateException("customer " + customer + " got " + items.size() + " items, not "
            + ITEMS_PER_DECISION);
      }
      decisions.add(new CustomerEntity.Decision(model.version(), null, null, items));
    }
    return decisions;
  }
}
