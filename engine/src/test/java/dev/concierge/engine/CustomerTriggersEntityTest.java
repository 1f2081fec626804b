package dev.concierge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.triggers.CustomerTriggers;
import dev.concierge.engine.triggers.TriggerRecord;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.models.TriggerKind;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.triggers.TriggerRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The customer's actor and its delivery triggers, on Pekko's in-memory journal with a short cart delay:
 * an abandoned cart fires exactly once per interval, also after the actor stopped and recovered, and a
 * purchase cancels it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class CustomerTriggersEntityTest {

  // long enough that the purchase right after the cart arrives first, even on a busy machine
  private static final Duration AFTER = Duration.ofSeconds(1);
  private static final Duration FIRES_WITHIN = Duration.ofSeconds(5);
  private static final Duration QUIET = Duration.ofSeconds(1);
  private static final TriggerRules CART_ONLY = new TriggerRules(
      new TriggerRules.CartAbandoned(true, AFTER, Duration.ofHours(1), Duration.ofHours(1)),
      new TriggerRules.CategoryViewed(false, 3, Duration.ofHours(1)),
      new TriggerRules.BackInStock(false, Duration.ofMinutes(1), Duration.ofHours(1)),
      20);

  @JUnit5TestKit
  ActorTestKit testKit = new JUnit5TestKitBuilder()
      .withCustomConfig(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()))
      .build();

  private final Catalog catalog = Catalog.of(List.of(
      new CatalogItem("tent-1", "tents", 500, true, "Tent", 3),
      new CatalogItem("tent-2", "tents", 400, true, "Tent", 2),
      new CatalogItem("shoe-1", "shoes", 50, true, "Shoe", 1)));
  private final AtomicInteger events = new AtomicInteger();

  @Test
  void anAbandonedCartFiresOnceWithRecommendationsAndNotAgainWithinTheIntervalAfterARecovery() {
    TestProbe<TriggerRecord> published = testKit.createTestProbe();
    ActorRef<CustomerEntity.Command> customer = spawn("cart-1", published);

    record(customer, EventType.ADD_TO_CART, "tent-1");
    TriggerRecord fired = published.expectMessageClass(TriggerRecord.class, FIRES_WITHIN);
    assertEquals(TriggerKind.CART_ABANDONED, fired.fired().kind());
    assertEquals(List.of("tent-1"), fired.fired().items());
    assertFalse(fired.recommendations().isEmpty());
    published.expectNoMessage(QUIET);

    testKit.stop(customer);
    ActorRef<CustomerEntity.Command> recovered = spawn("cart-1", published);
    record(recovered, EventType.ADD_TO_CART, "tent-2");
    published.expectNoMessage(AFTER.plus(QUIET));
  }

  @Test
  void aPurchaseBeforeTheDelayCancelsTheCart() {
    TestProbe<TriggerRecord> published = testKit.createTestProbe();
    ActorRef<CustomerEntity.Command> customer = spawn("cart-2", published);

    record(customer, EventType.ADD_TO_CART, "tent-1");
    record(customer, EventType.PURCHASE, "tent-1");

    published.expectNoMessage(AFTER.plus(QUIET));
  }

  private ActorRef<CustomerEntity.Command> spawn(String customerId, TestProbe<TriggerRecord> published) {
    CustomerSettings settings = CustomerSettings.fromConfig(testKit.system().settings().config().getConfig("concierge"));
    CustomerContext base = TestCustomerContext.of(settings, catalog, new Vocabulary(1_000, 100));
    CustomerContext context = base.withTriggers(new CustomerTriggers(CART_ONLY, 3, published.ref()::tell));
    return testKit.spawn(CustomerEntity.create(customerId, context));
  }

  private void record(ActorRef<CustomerEntity.Command> customer, EventType type, String itemId) {
    TestProbe<CustomerEntity.EventAcks> acks = testKit.createTestProbe();
    CustomerEvent event = CustomerEvent.of("e-" + events.incrementAndGet(), "c", type, itemId, Instant.now());
    customer.tell(new CustomerEntity.RecordEvents(List.of(new CustomerEntity.SourcedEvent(event, null)), acks.ref()));
    acks.expectMessageClass(CustomerEntity.EventAcks.class);
  }
}
