package dev.concierge.persistence.serialization;

import dev.concierge.models.CategoryAffinity;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.CustomerSnapshot;
import dev.concierge.models.EventCounts;
import dev.concierge.models.EventIdWindow;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventType;
import dev.concierge.models.HistoryMerged;
import dev.concierge.models.KafkaSource;
import dev.concierge.models.RecentItems;
import dev.concierge.models.SessionFeatures;
import dev.concierge.models.StockAwaited;
import dev.concierge.models.TriggerFired;
import dev.concierge.models.TriggerKind;
import dev.concierge.models.TriggerMemory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The values whose bytes are committed under src/test/resources/golden, one per persisted type and
 * format version. Never edit one: its file was written from it, and old journals hold such bytes.
 */
final class GoldenSamples {

  /** A value and the format version its golden file was written with. */
  record Golden(Class<?> type, int version, Object expected) {

    String fileName() {
      return type.getSimpleName() + "-v" + version + ".bin";
    }
  }

  private static final Instant FIRST_SEEN = Instant.parse("2025-03-14T09:26:53.589793238Z");
  private static final Instant LAST_SEEN = Instant.parse("2025-03-15T18:02:11.000000001Z");

  /** A price and a context but no session, as most storefront events arrive. */
  static final Golden EVENT_RECORDED_V1 = new Golden(EventRecorded.class, 1,
      new EventRecorded(
          new CustomerEvent("evt-0001", "cust-42", EventType.ADD_TO_CART, "sku-17", FIRST_SEEN, 249.5, 2, null,
              Map.of("campaign", "spring", "device", "mobile", "referrer", "newsletter")),
          "tents"));

  /**
   * A regular shopper, as version 1 stored it: counts, affinity, recent items, purchases and the
   * dedupe window's event ids. It reads into today's types: the parts version 1 did not know are
   * empty, and the event ids become their keys.
   */
  static final Golden CUSTOMER_SNAPSHOT_V1 = new Golden(CustomerSnapshot.class, 1,
      new CustomerSnapshot(
          new CustomerFeatures(
              new EventCounts(12, 5, 2, 1), 0, 0,
              LAST_SEEN,
              new CategoryAffinity(Map.of("tents", 3.25, "shoes", 1.5, "stoves", 0.125), LAST_SEEN),
              new RecentItems(List.of("sku-17", "sku-3", "sku-8")),
              RecentItems.NONE, RecentItems.NONE, RecentItems.NONE,
              new RecentItems(List.of("sku-3")),
              List.of(), SessionFeatures.NONE),
          Stream.of("evt-0001", "evt-0002", "evt-0003").map(EventIdWindow::keyOf).toList(),
          List.of()));

  /** A shopper who only touched an item the catalog did not know: no affinity and its null timestamp. */
  static final Golden CUSTOMER_FEATURES_V1 = new Golden(CustomerFeatures.class, 1,
      new CustomerFeatures(
          new EventCounts(1, 0, 0, 0), 0, 0, FIRST_SEEN, CategoryAffinity.NONE, new RecentItems(List.of("sku-99")),
          RecentItems.NONE, RecentItems.NONE, RecentItems.NONE, RecentItems.NONE, List.of(), SessionFeatures.NONE));

  /** A regular shopper in version 2: every part filled, a session under way, a dedupe window. */
  static final Golden CUSTOMER_SNAPSHOT_V2 = new Golden(CustomerSnapshot.class, 2,
      new CustomerSnapshot(
          new CustomerFeatures(
              new EventCounts(12, 5, 2, 1), 499.0, 2,
              LAST_SEEN,
              new CategoryAffinity(Map.of("tents", 3.25, "shoes", 1.5, "stoves", 0.125), LAST_SEEN),
              new RecentItems(List.of("sku-17", "sku-3", "sku-8", "sku-40")),
              new RecentItems(List.of("sku-17", "sku-8", "sku-40")),
              new RecentItems(List.of("sku-3")),
              new RecentItems(List.of("sku-3", "sku-17")),
              new RecentItems(List.of("sku-3")),
              List.of("tents"),
              new SessionFeatures(FIRST_SEEN, 4, List.of("tents", "shoes"), 1_234_567)),
          List.of(-7_046_029_254_386_353_131L, 42L, 0x0123_4567_89ab_cdefL),
          List.of()));

  /** A shopper who only touched an item the catalog did not know, in version 2. */
  static final Golden CUSTOMER_FEATURES_V2 = new Golden(CustomerFeatures.class, 2,
      new CustomerFeatures(
          new EventCounts(1, 0, 0, 0), 0, 0, FIRST_SEEN, CategoryAffinity.NONE, new RecentItems(List.of("sku-99")),
          new RecentItems(List.of("sku-99")), RecentItems.NONE, RecentItems.NONE, RecentItems.NONE, List.of(),
          new SessionFeatures(FIRST_SEEN, 1, List.of(), 0)));

  /** An event read from Kafka, with a session and no price, at an offset past 2^32. */
  static final Golden EVENT_RECORDED_V2 = new Golden(EventRecorded.class, 2,
      new EventRecorded(
          new CustomerEvent("evt-0002", "cust-42", EventType.VIEW, "sku-3", LAST_SEEN, null, 1, "session-9", Map.of()),
          "shoes",
          new KafkaSource(5, 4_294_967_301L)));

  /**
   * Version 3: version 2's shopper, whose events came from two partitions (the topic was repartitioned
   * once), so two high-water marks.
   */
  static final Golden CUSTOMER_SNAPSHOT_V3 = new Golden(CustomerSnapshot.class, 3,
      new CustomerSnapshot(
          ((CustomerSnapshot) CUSTOMER_SNAPSHOT_V2.expected()).features(),
          List.of(-7_046_029_254_386_353_131L, 42L, 0x0123_4567_89ab_cdefL),
          List.of(new KafkaSource(0, 17), new KafkaSource(11, 1_234_567_890_123L))));

  /**
   * Version 4: version 3's shopper with an open cart, a session that viewed tents three times (which
   * fired) and shoes once, an item awaiting stock and two rules that fired before.
   */
  static final Golden CUSTOMER_SNAPSHOT_V4 = new Golden(CustomerSnapshot.class, 4,
      new CustomerSnapshot(
          ((CustomerSnapshot) CUSTOMER_SNAPSHOT_V3.expected()).features(),
          ((CustomerSnapshot) CUSTOMER_SNAPSHOT_V3.expected()).recentEventKeys(),
          ((CustomerSnapshot) CUSTOMER_SNAPSHOT_V3.expected()).highestOffsets(),
          List.of(),
          List.of(),
          new TriggerMemory(
              LAST_SEEN, List.of("sku-17", "sku-8"), FIRST_SEEN, Map.of("tents", 3, "shoes", 1), List.of("tents"),
              List.of("sku-40"),
              Map.of(TriggerKind.CATEGORY_VIEWED, LAST_SEEN, TriggerKind.BACK_IN_STOCK, FIRST_SEEN))));

  /** A cart left alone, reporting its two items. */
  static final Golden TRIGGER_FIRED_V1 = new Golden(TriggerFired.class, 1,
      new TriggerFired(TriggerKind.CART_ABANDONED, LAST_SEEN, null, List.of("sku-17", "sku-8")));

  /** A category viewed often in one session: a category and no items. */
  static final Golden CATEGORY_TRIGGER_FIRED_V1 = new Golden(TriggerFired.class, 1,
      new TriggerFired(TriggerKind.CATEGORY_VIEWED, FIRST_SEEN, "tents", List.of()));

  static final Golden STOCK_AWAITED_V1 = new Golden(StockAwaited.class, 1, new StockAwaited("sku-40"));

  /**
   * Version 3: the merge of an anonymous shopper who logged in, as the browser SDK sends it (no item), read
   * from Kafka.
   */
  static final Golden EVENT_RECORDED_V3 = new Golden(EventRecorded.class, 3,
      new EventRecorded(
          CustomerEvent.merge("evt-0003", "cust-42", "anon-7f3a", LAST_SEEN), null, new KafkaSource(5, 4_294_967_302L)));

  /** Version 1: the history an anonymous shopper handed over, every part filled and a session under way. */
  static final Golden HISTORY_MERGED_V1 = new Golden(HistoryMerged.class, 1,
      new HistoryMerged("anon-7f3a", ((CustomerSnapshot) CUSTOMER_SNAPSHOT_V2.expected()).features()));

  /** Version 5: version 4's shopper, who also took over two anonymous histories and awaits a third. */
  static final Golden CUSTOMER_SNAPSHOT_V5 = new Golden(CustomerSnapshot.class, 5,
      new CustomerSnapshot(
          ((CustomerSnapshot) CUSTOMER_SNAPSHOT_V4.expected()).features(),
          ((CustomerSnapshot) CUSTOMER_SNAPSHOT_V4.expected()).recentEventKeys(),
          ((CustomerSnapshot) CUSTOMER_SNAPSHOT_V4.expected()).highestOffsets(),
          List.of("anon-1", "anon-7f3a"),
          List.of("anon-9"),
          ((CustomerSnapshot) CUSTOMER_SNAPSHOT_V4.expected()).triggers()));

  static final List<Golden> ALL = List.of(
      EVENT_RECORDED_V1, CUSTOMER_SNAPSHOT_V1, CUSTOMER_FEATURES_V1, CUSTOMER_SNAPSHOT_V2, CUSTOMER_FEATURES_V2,
      EVENT_RECORDED_V2, CUSTOMER_SNAPSHOT_V3, CUSTOMER_SNAPSHOT_V4, TRIGGER_FIRED_V1, STOCK_AWAITED_V1,
      EVENT_RECORDED_V3, HISTORY_MERGED_V1, CUSTOMER_SNAPSHOT_V5);

  private GoldenSamples() {}

  /** The sample for what {@code format} writes today, if someone added it. */
  static Optional<Golden> current(VersionedFormat<?> format) {
    return ALL.stream()
        .filter(golden -> golden.type() == format.type() && golden.version() == format.currentVersion())
        .findFirst();
  }
}
