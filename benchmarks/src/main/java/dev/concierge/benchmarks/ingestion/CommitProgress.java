package dev.concierge.benchmarks.ingestion;

import java.util.List;

/**
 * The committed offsets of one run over time, from the first commit to the commit of the last record.
 *
 * <p>The overall rate counts the records committed after the first sample that saw a commit, over the
 * time from that sample to the one that saw everything committed. The sustained rate leaves out the
 * start (the node's consumer joining, JIT warm-up) and the tail (the last partitions draining alone): it
 * is the middle share of the records, by default 10 % to 90 %, over the time between the instants they
 * were reached, each found by linear interpolation between the two samples around it.
 */
final class CommitProgress {

  private final long total;
  private final List<CommitSample> samples;
  private final int first;
  private final int last;

  /** @param samples in time order, the last with every record committed */
  CommitProgress(long total, List<CommitSample> samples) {
    if (total <= 0) {
      throw new IllegalArgumentException("nothing to commit: " + total + " records");
    }
    this.total = total;
    this.samples = List.copyOf(samples);
    this.first = indexOfFirst(committed -> committed > 0);
    this.last = indexOfFirst(committed -> committed >= total);
    if (first < 0 || last < 0) {
      throw new IllegalArgumentException("the samples do not reach all " + total + " records");
    }
  }

  private interface Reached {
    boolean test(long committed);
  }

  private int indexOfFirst(Reached reached) {
    for (int i = 0; i < samples.size(); i++) {
      if (reached.test(samples.get(i).committed())) {
        return i;
      }
    }
    return -1;
  }

  long total() {
    return total;
  }

  CommitSample firstCommit() {
    return samples.get(first);
  }

  CommitSample allCommitted() {
    return samples.get(last);
  }

  /** Seconds from the first sample that saw a commit to the one that saw them all. */
  double elapsed() {
    return allCommitted().seconds() - firstCommit().seconds();
  }

  double overallRate() {
    return (total - firstCommit().committed()) / elapsed();
  }

  /** Records per second between the instants {@code from} and {@code to} of the total were committed. */
  double sustainedRate(double from, double to) {
    if (!(0 <= from && from < to && to <= 1)) {
      throw new IllegalArgumentException("need 0 <= from < to <= 1, not " + from + " and " + to);
    }
    return (to - from) * total / (secondsAt(to) - secondsAt(from));
  }

  /** When the committed records first reached {@code share} of the total, interpolated between samples. */
  double secondsAt(double share) {
    double target = share * total;
    CommitSample before = samples.get(0);
    for (CommitSample sample : samples) {
      if (sample.committed() >= target) {
        if (sample == before || sample.committed() == before.committed()) {
          return sample.seconds();
        }
        double part = (target - before.committed()) / (sample.committed() - before.committed());
        return before.seconds() + part * (sample.seconds() - before.seconds());
      }
      before = sample;
    }
    throw new IllegalStateException("never reached " + share + " of " + total);
  }

  /** Samples from the first commit to the last, with their time counted from the first commit. */
  List<CommitSample> fromFirstCommit() {
    double start = firstCommit().seconds();
    return samples.subList(first, last + 1).stream()
        .map(sample -> new CommitSample(sample.seconds() - start, sample.committed()))
        .toList();
  }
}
