package dev.concierge.benchmarks;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Vocabulary;
import dev.concierge.offline.simulation.SimulationSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The feature function, {@link FeatureState#apply}, per event, as {@code CustomerEntity}'s event handler
 * calls it: each recorded event of a simulated storefront history, in time order, folded into its
 * customer's state, with the production settings and one vocabulary that already knows the catalog (as a
 * node's does once it has seen the items).
 *
 * <p>The states are warm: before each invocation, fresh states take in the first
 * {@value #WARM_UP_EVENTS} events, outside the timing; the invocation then times the next
 * {@value #MEASURED_EVENTS}. The history has to start over for each invocation, because the function
 * keeps timestamps: events replayed into a state that has seen them count as late. {@code -prof gc} counts
 * the allocation of the whole iteration, so its figure per event includes those fresh states, one per
 * customer per invocation (BENCHMARKS.md gives their share).
 *
 * <p>The timed loop also reads its own thread's CPU time ({@link LoopCpu}): on a machine that other builds
 * share, waiting for a core inflates the score, but not {@code cpuNanos ÷ eventsApplied}.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FeatureUpdateBenchmark extends BenchmarkBase {

  private static final int CATALOG_ITEMS = 10_000;
  private static final long CATALOG_SEED = 42;
  private static final int CUSTOMERS = 1_000;
  private static final int WARM_UP_EVENTS = 200_000;
  private static final int MEASURED_EVENTS = 400_000;
  private static final long HISTORY_SEED = 11;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private FeatureSettings settings;
  private Vocabulary vocabulary;
  private EventRecorded[] events;
  private int[] customerOf;
  private FeatureState[] states;

  @Setup(Level.Trial)
  public void simulateHistory() {
    Config concierge = ConfigFactory.load().getConfig("concierge");
    settings = CustomerSettings.fromConfig(concierge).features();
    SimulatedHistory history = SimulatedHistory.generate(
        CATALOG_ITEMS, CATALOG_SEED,
        SimulationSettings.of(CUSTOMERS, WARM_UP_EVENTS + MEASURED_EVENTS, HISTORY_SEED));
    vocabulary = knowing(history.items(), concierge);
    events = history.events().toArray(EventRecorded[]::new);
    customerOf = customerIndexes(events);
  }

  @Setup(Level.Invocation)
  public void warmUpStates() {
    states = new FeatureState[CUSTOMERS];
    for (int customer = 0; customer < CUSTOMERS; customer++) {
      states[customer] = new FeatureState(settings);
    }
    applyEvents(0, WARM_UP_EVENTS);
  }

  /** CPU time and events of the timed loops of one iteration, reported beside the score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class LoopCpu {
    public long cpuNanos;
    public long eventsApplied;

    @Setup(Level.Iteration)
    public void clear() {
      cpuNanos = 0;
      eventsApplied = 0;
    }
  }

  @Benchmark
  @OperationsPerInvocation(MEASURED_EVENTS)
  public FeatureState[] applyEvent(LoopCpu cpu) {
    long start = THREADS.getCurrentThreadCpuTime();
    applyEvents(WARM_UP_EVENTS, events.length);
    cpu.cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
    cpu.eventsApplied += MEASURED_EVENTS;
    return states;
  }

  // what CustomerEntity's event handler does with each recorded event, less the dedupe window
  private void applyEvents(int from, int to) {
    for (int i = from; i < to; i++) {
      EventRecorded recorded = events[i];
      states[customerOf[i]].apply(recorded.event(), recorded.category(), vocabulary, settings);
    }
  }

  private static Vocabulary knowing(List<CatalogItem> items, Config concierge) {
    Vocabulary vocabulary =
        new Vocabulary(concierge.getInt("vocabulary.max-items"), concierge.getInt("vocabulary.max-categories"));
    for (CatalogItem item : items) {
      vocabulary.items().intern(item.itemId());
      vocabulary.categories().intern(item.category());
    }
    return vocabulary;
  }

  // sharding finds a customer's actor; here an index into the states does
  private static int[] customerIndexes(EventRecorded[] events) {
    Map<String, Integer> indexes = new HashMap<>();
    int[] customerOf = new int[events.length];
    for (int i = 0; i < events.length; i++) {
      customerOf[i] = indexes.computeIfAbsent(events[i].event().customerId(), id -> indexes.size());
    }
    if (indexes.size() > CUSTOMERS) {
      throw new IllegalStateException("the history has " + indexes.size() + " customers, not " + CUSTOMERS);
    }
    return customerOf;
  }

  public static void main(String[] args) {
    System.exit(command(FeatureUpdateBenchmark.class).execute(args));
  }
}
