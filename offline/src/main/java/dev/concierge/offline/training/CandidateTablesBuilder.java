package dev.concierge.offline.training;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventTime;
import dev.concierge.models.EventType;
import dev.concierge.models.recommend.CandidateTables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@link CandidateTables} from a history of events in time order: items viewed (or bought) in
 * one session count as co-viewed (co-bought); weights are the cosine of co-occurrence counts, so an
 * item popular everywhere is not everybody's neighbour. Memory grows with distinct items and pairs,
 * not with events.
 */
public final class CandidateTablesBuilder {

  /**
   * @param neighboursPerItem neighbours kept per item, strongest first
   * @param maxSessionItems   distinct items of one session that pair up; longer sessions keep their first
   * @param sessionIdleTimeout a gap longer than this ends a session, as in the live features
   */
  public record Settings(int neighboursPerItem, int maxSessionItems, Duration sessionIdleTimeout) {}

  private static final double VIEW_POPULARITY = 1;
  private static final double CLICK_POPULARITY = 2;
  private static final double CART_POPULARITY = 4;
  private static final double PURCHASE_POPULARITY = 8;

  private final Settings settings;
  private final Map<String, OpenSession> sessions = new HashMap<>();
  private final PairCounts views = new PairCounts();
  private final PairCounts purchases = new PairCounts();
  private final Map<String, Double> popularity = new HashMap<>();

  public CandidateTablesBuilder(Settings settings) {
    this.settings = settings;
  }

  /** Adds one event; events of one customer must come in time order. */
  public void add(CustomerEvent event) {
    OpenSession session = sessions.get(event.customerId());
    long at = EventTime.millisOf(event.timestamp());
    if (session == null || session.endsBefore(event, at, settings.sessionIdleTimeout().toMillis())) {
      if (session != null) {
        close(session);
      }
      session = new OpenSession(event.sessionId());
      sessions.put(event.customerId(), session);
    }
    session.lastAt = at;
    if (event.type() == EventType.PURCHASE) {
      addCapped(session.purchased, event.itemId());
    } else {
      addCapped(session.viewed, event.itemId());
    }
    popularity.merge(event.itemId(), popularityOf(event.type()), Double::sum);
  }

  public CandidateTables build() {
    sessions.values().forEach(this::close);
    sessions.clear();
    return new CandidateTables(
        views.neighbours(settings.neighboursPerItem()),
        purchases.neighbours(settings.neighboursPerItem()),
        popularity);
  }

  private void close(OpenSession session) {
    views.addSession(new ArrayList<>(session.viewed));
    purchases.addSession(new ArrayList<>(session.purchased));
  }

  private void addCapped(Set<String> items, String itemId) {
    if (items.size() < settings.maxSessionItems()) {
      items.add(itemId);
    }
  }

  private static double popularityOf(EventType type) {
    return switch (type) {
      case VIEW -> VIEW_POPULARITY;
      case CLICK -> CLICK_POPULARITY;
      case ADD_TO_CART -> CART_POPULARITY;
      case PURCHASE -> PURCHASE_POPULARITY;
    };
  }

  private static final class OpenSession {
    private final String sessionId;
    private final Set<String> viewed = new LinkedHashSet<>();
    private final Set<String> purchased = new LinkedHashSet<>();
    private long lastAt;

    OpenSession(String sessionId) {
      this.sessionId = sessionId;
    }

    boolean endsBefore(CustomerEvent event, long at, long idleMillis) {
      boolean otherSession = event.sessionId() != null && sessionId != null && !event.sessionId().equals(sessionId);
      return otherSession || at - lastAt > idleMillis;
    }
  }
}
