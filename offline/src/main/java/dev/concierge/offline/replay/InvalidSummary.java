package dev.concierge.offline.replay;

import java.util.List;

/**
 * The records a replay or an import skipped as invalid, grouped by reason, each with where it first
 * occurred.
 *
 * @param otherReasons records whose reason came after the first {@link #MAX_REASONS} distinct ones
 */
public record InvalidSummary(long total, List<Reason> reasons, long otherReasons) {

  /** Distinct reasons kept: reasons quote the bad value, so a broken export could have millions. */
  public static final int MAX_REASONS = 20;

  /** @param examples where the first such records are, at least one: "line 17", "partition 2 offset 40" */
  public record Reason(String reason, long count, List<String> examples) {

    public Reason {
      examples = List.copyOf(examples);
    }

    public Reason(String reason, long count, String firstAt) {
      this(reason, count, List.of(firstAt));
    }

    public String firstAt() {
      return examples.get(0);
    }
  }

  public InvalidSummary {
    reasons = List.copyOf(reasons);
  }

  /** One line per reason, for a person: {@code 2 x missing required field 'itemId' (first at line 4)}. */
  public String describe() {
    if (total == 0) {
      return "no invalid records";
    }
    return total + " invalid record" + (total == 1 ? "" : "s") + " skipped:" + reasonLines();
  }

  /**
   * The lines of {@link #describe} after its heading, each starting with a line separator:
   * {@code 2 x missing required field 'itemId' (first at line 4, line 9)}.
   */
  public String reasonLines() {
    StringBuilder text = new StringBuilder();
    for (Reason reason : reasons) {
      text.append(System.lineSeparator())
          .append("  ").append(reason.count()).append(" x ").append(reason.reason())
          .append(" (first at ").append(String.join(", ", reason.examples())).append(')');
    }
    if (otherReasons > 0) {
      text.append(System.lineSeparator()).append("  ").append(otherReasons).append(" x other reasons");
    }
    return text.toString();
  }
}
