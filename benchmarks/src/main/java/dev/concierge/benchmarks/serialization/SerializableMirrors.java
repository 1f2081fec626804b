package dev.concierge.benchmarks.serialization;

import dev.concierge.engine.CustomerEntity;
import dev.concierge.models.CategoryAffinity;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.CustomerSnapshot;
import dev.concierge.models.EventCounts;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventType;
import dev.concierge.models.KafkaSource;
import dev.concierge.models.RankedItem;
import dev.concierge.models.RecentItems;
import dev.concierge.models.SessionFeatures;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@link java.io.Serializable} copies of the compared messages, field for field. Our records are not
 * Serializable (nothing of ours uses Java serialization), and the benchmark does not change the domain for
 * it; so Java serialization is measured on these, and the conversion to and from them is part of its time.
 * {@link RecentItems} is kept as its list of ids; JDK lists, maps and {@link Instant} are Serializable.
 */
final class SerializableMirrors {

  private SerializableMirrors() {}

  record Event(
      String eventId, String customerId, EventType type, String itemId, Instant timestamp, Double price,
      int quantity, String sessionId, Map<String, String> context, String fromCustomerId) implements Serializable {

    static Event of(CustomerEvent event) {
      return new Event(event.eventId(), event.customerId(), event.type(), event.itemId(), event.timestamp(),
          event.price(), event.quantity(), event.sessionId(), event.context(), event.fromCustomerId());
    }

    CustomerEvent domain() {
      return new CustomerEvent(
          eventId, customerId, type, itemId, timestamp, price, quantity, sessionId, context, fromCustomerId);
    }
  }

  record Source(int partition, long offset) implements Serializable {

    static Source of(KafkaSource source) {
      return source == null ? null : new Source(source.partition(), source.offset());
    }

    KafkaSource domain() {
      return new KafkaSource(partition, offset);
    }
  }

  record Recorded(Event event, String category, Source source) implements Serializable {

    static Recorded of(EventRecorded recorded) {
      return new Recorded(Event.of(recorded.event()), recorded.category(), Source.of(recorded.source()));
    }

    EventRecorded domain() {
      return new EventRecorded(event.domain(), category, source == null ? null : source.domain());
    }
  }

  record Counts(long view, long click, long addToCart, long purchase) implements Serializable {

    static Counts of(EventCounts counts) {
      return new Counts(counts.view(), counts.click(), counts.addToCart(), counts.purchase());
    }

    EventCounts domain() {
      return new EventCounts(view, click, addToCart, purchase);
    }
  }

  record Affinity(Map<String, Double> scores, Instant asOf) implements Serializable {

    static Affinity of(CategoryAffinity affinity) {
      return new Affinity(affinity.scores(), affinity.asOf());
    }

    CategoryAffinity domain() {
      return new CategoryAffinity(scores, asOf);
    }
  }

  record Session(Instant startedAt, int events, List<String> categories, int key) implements Serializable {

    static Session of(SessionFeatures session) {
      return new Session(session.startedAt(), session.events(), session.categories(), session.key());
    }

    SessionFeatures domain() {
      return new SessionFeatures(startedAt, events, categories, key);
    }
  }

  record Features(
      Counts events, double totalSpend, int unitsPurchased, Instant lastEventAt, Affinity categoryAffinity,
      List<String> recent, List<String> viewed, List<String> clicked, List<String> carted, List<String> purchased,
      List<String> purchasedCategories, Session session) implements Serializable {

    static Features of(CustomerFeatures features) {
      return new Features(Counts.of(features.events()), features.totalSpend(), features.unitsPurchased(),
          features.lastEventAt(), Affinity.of(features.categoryAffinity()), features.recent().items(),
          features.viewed().items(), features.clicked().items(), features.carted().items(),
          features.purchased().items(), features.purchasedCategories(), Session.of(features.session()));
    }

    CustomerFeatures domain() {
      return new CustomerFeatures(events.domain(), totalSpend, unitsPurchased, lastEventAt,
          categoryAffinity.domain(), new RecentItems(recent), new RecentItems(viewed), new RecentItems(clicked),
          new RecentItems(carted), new RecentItems(purchased), purchasedCategories, session.domain());
    }
  }

  record Snapshot(Features features, List<Long> recentEventKeys, List<Source> highestOffsets) implements Serializable {

    static Snapshot of(CustomerSnapshot snapshot) {
      return new Snapshot(Features.of(snapshot.features()), snapshot.recentEventKeys(),
          snapshot.highestOffsets().stream().map(Source::of).toList());
    }

    CustomerSnapshot domain() {
      return new CustomerSnapshot(features.domain(), recentEventKeys,
          highestOffsets.stream().map(Source::domain).toList());
    }
  }

  record Ranked(String itemId, double score, List<String> reasons) implements Serializable {

    static Ranked of(RankedItem item) {
      return new Ranked(item.itemId(), item.score(), item.reasons());
    }

    RankedItem domain() {
      return new RankedItem(itemId, score, reasons);
    }
  }

  record Reply(String modelVersion, String experiment, String arm, List<Ranked> items) implements Serializable {

    static Reply of(CustomerEntity.Decision decision) {
      return new Reply(decision.modelVersion(), decision.experiment(), decision.arm(),
          decision.items().stream().map(Ranked::of).toList());
    }

    CustomerEntity.Decision domain() {
      return new CustomerEntity.Decision(modelVersion, experiment, arm, items.stream().map(Ranked::domain).toList());
    }
  }
}
