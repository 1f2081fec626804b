package dev.concierge.offline.training;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventTime;
import dev.concierge.models.EventType;
import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.models.recommend.ItemEmbeddings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@link CandidateTables} from a history of events in time order: items viewed (or bought) in
 * one session count as co-viewed (co-bought), weighted by the cosine of co-occurrence counts, so an
 * item popular everywhere is not everybody's neighbour; items touched shortly after one another by
 * the same customer, across sessions, co-occur ({@link CoOccurrence}); and a factorisation of who
 * touched what ({@link ImplicitFactorisation}) gives every item a taste vector and its nearest items.
 * Every neighbour table keeps the strongest {@code neighboursPerItem} per item. Memory grows with
 * distinct items, customers and pairs, not with events.
 */
public final class CandidateTablesBuilder {

  /**
   * @param neighboursPerItem neighbours kept per item, strongest first
   * @param maxSessionItems   distinct items of one session that pair up; longer sessions keep their first
   * @param sessionIdleTimeout a gap longer than this ends a session, as in the live features
   * @param coOccurrence      the window within which a customer's items co-occur
   * @param factorisation     the factorisation that gives the taste vectors
   */
  public record Settings(
      int neighboursPerItem, int maxSessionItems, Duration sessionIdleTimeout, CoOccurrence.Settings coOccurrence,
      ImplicitFactorisation.Settings factorisation) {}

  private static final double VIEW_POPULARITY = 1;
  private static final double CLICK_POPULARITY = 2;
  private static final double CART_POPULARITY = 4;
  private static final double PURCHASE_POPULARITY = 8;

  private final Settings settings;
  private final Map<String, OpenSession> sessions = new HashMap<>();
  private final PairCounts views = new PairCounts();
  private final PairCounts purchases = new PairCounts();
  private final Map<String, Double> popularity = new HashMap<>();
  private final Map<String, Integer> itemCodes = new HashMap<>();
  private final List<String> itemNames = new ArrayList<>();
  private final Map<String, Integer> customerCodes = new HashMap<>();
  private final CoOccurrence coOccurrence;
  // per (customer, item), how much the customer interacted with the item: what the factorisation reads
  private final PairTally interactions = new PairTally();

  public CandidateTablesBuilder(Settings settings) {
    this.settings = settings;
    this.coOccurrence = new CoOccurrence(settings.coOccurrence());
  }

  /**
   * Adds one event; events of one customer must come in time order. A merge adds nothing: the tables
   * count interactions with items, and a merge has none (each shopper id's interactions stay its own here).
   */
  public void add(CustomerEvent event) {
    if (!event.type().isInteraction()) {
      return;
    }
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
    double weight = popularityOf(event.type());
    popularity.merge(event.itemId(), weight, Double::sum);
    int item = itemCodes.computeIfAbsent(event.itemId(), id -> {
      itemNames.add(id);
      return itemNames.size() - 1;
    });
    int customer = customerCodes.computeIfAbsent(event.customerId(), id -> customerCodes.size());
    coOccurrence.add(event.customerId(), item, at);
    interactions.add(customer, item, (float) weight);
  }

  public CandidateTables build() {
    sessions.values().forEach(this::close);
    sessions.clear();
    ItemEmbeddings embeddings =
        SimilarItems.unitVectors(
            ImplicitFactorisation.factorise(interactions, customerCodes.size(), itemNames.size(), settings.factorisation()),
            itemNames);
    return new CandidateTables(
        views.neighbours(settings.neighboursPerItem()),
        purchases.neighbours(settings.neighboursPerItem()),
        popularity,
        coOccurrence.neighbours(itemNames, settings.neighboursPerItem()),
        SimilarItems.nearest(embeddings, settings.neighboursPerItem()),
        embeddings);
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
      case MERGE -> 0;
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
