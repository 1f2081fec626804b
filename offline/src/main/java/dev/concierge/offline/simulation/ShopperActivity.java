package dev.concierge.offline.simulation;

import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One shopper's events, generated lazily in time order: the shopper always knows their next
 * event, so the simulation can merge all shoppers by time with one pending event each.
 */
final class ShopperActivity {

  private final int index;
  private final String customerId;
  private final SessionSchedule schedule;
  private final SessionWalk walk;
  private final SplittableRandom random;
  private final Assortment assortment;

  private int sessionNumber;
  private String sessionId;
  private long second;
  private long eventsLeftInSession;
  private long maxStepSeconds;

  ShopperActivity(
      int index,
      ShopperTraits traits,
      long events,
      Duration period,
      Assortment assortment,
      ShopperBehaviour behaviour,
      LatentTastes tastes,
      SplittableRandom random) {
    this.index = index;
    this.customerId = customerId(index);
    this.schedule = new SessionSchedule(events, traits.meanSessionEvents(), period);
    this.walk = new SessionWalk(assortment, behaviour, tastes, index, random);
    this.random = random;
    this.assortment = assortment;
    if (schedule.hasNextSession()) {
      startSession();
    }
  }

  /** Customer ids count from 1: {@code sim-c-1}, {@code sim-c-2}, ... */
  static String customerId(int index) {
    return "sim-c-" + (index + 1);
  }

  int index() {
    return index;
  }

  boolean hasNext() {
    return eventsLeftInSession > 0;
  }

  /** When the pending event happens, in seconds from the start of the period. */
  long second() {
    return second;
  }

  /** The pending event, stamped with {@code eventId}; then moves on to the next one. */
  CustomerEvent emit(String eventId, Instant periodStart) {
    CatalogItem item = assortment.item(walk.item());
    EventType type = walk.type();
    boolean priced = type == EventType.ADD_TO_CART || type == EventType.PURCHASE;
    CustomerEvent event = new CustomerEvent(
        eventId,
        customerId,
        type,
        item.itemId(),
        periodStart.plusSeconds(second),
        priced ? item.price() : null,
        walk.quantity(),
        sessionId,
        Map.of());
    advance();
    return event;
  }

  private void advance() {
    eventsLeftInSession--;
    if (eventsLeftInSession > 0) {
      second += SessionSchedule.step(random, maxStepSeconds);
      walk.advance(second);
    } else {
      walk.end();
      if (schedule.hasNextSession()) {
        startSession();
      }
    }
  }

  private void startSession() {
    SessionSchedule.Session session = schedule.nextSession(random);
    sessionNumber++;
    sessionId = customerId + "-s" + sessionNumber;
    second = session.startSecond();
    eventsLeftInSession = session.events();
    maxStepSeconds = session.maxStepSeconds();
    walk.start(second);
  }
}
