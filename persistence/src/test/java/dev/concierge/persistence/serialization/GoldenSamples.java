package dev.concierge.persistence.serialization;

import dev.concierge.models.CategoryAffinity;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.CustomerSnapshot;
import dev.concierge.models.EventCounts;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventType;
import dev.concierge.models.RecentItems;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /** A regular shopper: every part filled, several categories, a dedupe window. */
  static final Golden CUSTOMER_SNAPSHOT_V1 = new Golden(CustomerSnapshot.class, 1,
      new CustomerSnapshot(
          new CustomerFeatures(
              new EventCounts(12, 5, 2, 1),
              LAST_SEEN,
              new CategoryAffinity(Map.of("tents", 3.25, "shoes", 1.5, "stoves", 0.125), LAST_SEEN),
              new RecentItems(List.of("sku-17", "sku-3", "sku-8")),
              new RecentItems(List.of("sku-3"))),
          List.of("evt-0001", "evt-0002", "evt-0003")));

  /** A shopper who only touched an item the catalog did not know: no affinity and its null timestamp. */
  static final Golden CUSTOMER_FEATURES_V1 = new Golden(CustomerFeatures.class, 1,
      new CustomerFeatures(
          new EventCounts(1, 0, 0, 0), FIRST_SEEN, CategoryAffinity.NONE, new RecentItems(List.of("sku-99")),
          RecentItems.NONE));

  static final List<Golden> ALL = List.of(EVENT_RECORDED_V1, CUSTOMER_SNAPSHOT_V1, CUSTOMER_FEATURES_V1);

  private GoldenSamples() {}

  /** The sample for what {@code format} writes today, if someone added it. */
  static Optional<Golden> current(VersionedFormat<?> format) {
    return ALL.stream()
        .filter(golden -> golden.type() == format.type() && golden.version() == format.currentVersion())
        .findFirst();
  }
}
