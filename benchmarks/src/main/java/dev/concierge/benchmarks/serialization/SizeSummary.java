package dev.concierge.benchmarks.serialization;

import java.util.Arrays;
import java.util.Locale;

/** Bytes per message over the samples of one format and message type. */
public record SizeSummary(double mean, int min, int max) {

  public static SizeSummary of(byte[][] serialized) {
    int[] sizes = Arrays.stream(serialized).mapToInt(bytes -> bytes.length).toArray();
    return new SizeSummary(
        Arrays.stream(sizes).average().orElseThrow(),
        Arrays.stream(sizes).min().orElseThrow(),
        Arrays.stream(sizes).max().orElseThrow());
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.1f (%d–%d)", mean, min, max);
  }
}
