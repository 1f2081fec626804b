package dev.concierge.offline.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts invalid records by reason as they are read, with where the first few of each reason are;
 * confined to one thread. Replay keeps the first place of each reason, import a few.
 */
public final class InvalidTally {

  private static final class Count {
    private final List<String> examples = new ArrayList<>();
    private long count;
  }

  private final int examplesPerReason;
  private final Map<String, Count> byReason = new LinkedHashMap<>();
  private long total;
  private long otherReasons;

  /** Keeps where the first record of each reason is. */
  public InvalidTally() {
    this(1);
  }

  /** Keeps where the first {@code examplesPerReason} records of each reason are (1 or more). */
  public InvalidTally(int examplesPerReason) {
    if (examplesPerReason < 1) {
      throw new IllegalArgumentException("keep at least one example per reason, not " + examplesPerReason);
    }
    this.examplesPerReason = examplesPerReason;
  }

  /** @param where where the record is: "line 17", "partition 2 offset 40" */
  public void add(String where, String reason) {
    total++;
    Count count = byReason.get(reason);
    if (count == null) {
      if (byReason.size() >= InvalidSummary.MAX_REASONS) {
        otherReasons++;
        return;
      }
      count = new Count();
      byReason.put(reason, count);
    }
    count.count++;
    if (count.examples.size() < examplesPerReason) {
      count.examples.add(where);
    }
  }

  public InvalidSummary summary() {
    List<InvalidSummary.Reason> reasons = new ArrayList<>(byReason.size());
    byReason.forEach((reason, count) -> reasons.add(new InvalidSummary.Reason(reason, count.count, count.examples)));
    return new InvalidSummary(total, reasons, otherReasons);
  }
}
