package dev.concierge.offline.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts invalid records by reason as they are read; confined to the replay's thread. */
final class InvalidTally {

  private static final class Count {
    private final String firstAt;
    private long count;

    Count(String firstAt) {
      this.firstAt = firstAt;
    }
  }

  private final Map<String, Count> byReason = new LinkedHashMap<>();
  private long total;
  private long otherReasons;

  void add(String where, String reason) {
    total++;
    Count count = byReason.get(reason);
    if (count == null) {
      if (byReason.size() >= InvalidSummary.MAX_REASONS) {
        otherReasons++;
        return;
      }
      count = new Count(where);
      byReason.put(reason, count);
    }
    count.count++;
  }

  InvalidSummary summary() {
    List<InvalidSummary.Reason> reasons = new ArrayList<>(byReason.size());
    byReason.forEach((reason, count) -> reasons.add(new InvalidSummary.Reason(reason, count.count, count.firstAt)));
    return new InvalidSummary(total, reasons, otherReasons);
  }
}
