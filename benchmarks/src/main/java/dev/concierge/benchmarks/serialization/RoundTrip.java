package dev.concierge.benchmarks.serialization;

import java.util.List;

/** Writes each sample and reads it back, and insists on getting an equal value. */
public final class RoundTrip {

  private RoundTrip() {}

  /**
   * @return the bytes of each sample, in order
   * @throws IllegalStateException naming the first sample that did not come back equal
   */
  public static byte[][] verify(MessageCodec codec, List<?> samples) {
    byte[][] serialized = new byte[samples.size()][];
    for (int i = 0; i < samples.size(); i++) {
      Object sample = samples.get(i);
      serialized[i] = codec.toBinary(sample);
      Object back = codec.fromBinary(serialized[i]);
      if (!sample.equals(back)) {
        throw new IllegalStateException(
            "sample " + i + " did not round-trip through " + codec.getClass().getSimpleName()
                + ":\n wrote " + sample + "\n read  " + back);
      }
    }
    return serialized;
  }
}
