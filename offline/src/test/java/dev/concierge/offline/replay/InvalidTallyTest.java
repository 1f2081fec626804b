package dev.concierge.offline.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidTallyTest {

  @Test
  void eachReasonCountsAllItsRecordsAndKeepsWhereTheFirstFewAre() {
    InvalidTally tally = new InvalidTally(2);
    tally.add("line 3", "bad rating");
    tally.add("line 4", "bad time");
    tally.add("line 7", "bad rating");
    tally.add("line 9", "bad rating");

    InvalidSummary summary = tally.summary();

    assertEquals(4, summary.total());
    assertEquals(List.of(new InvalidSummary.Reason("bad rating", 3, List.of("line 3", "line 7")),
        new InvalidSummary.Reason("bad time", 1, "line 4")), summary.reasons());
    assertEquals(String.format("%n  3 x bad rating (first at line 3, line 7)%n  1 x bad time (first at line 4)"),
        summary.reasonLines());
  }

  @Test
  void reasonsBeyondTheLimitAreCountedTogether() {
    InvalidTally tally = new InvalidTally();
    for (int i = 0; i <= InvalidSummary.MAX_REASONS; i++) {
      tally.add("line " + i, "reason " + i);
    }

    InvalidSummary summary = tally.summary();

    assertEquals(InvalidSummary.MAX_REASONS, summary.reasons().size());
    assertEquals(1, summary.otherReasons());
    assertEquals(InvalidSummary.MAX_REASONS + 1, summary.total());
  }
}
