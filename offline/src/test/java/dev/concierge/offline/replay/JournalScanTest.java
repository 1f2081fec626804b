package dev.concierge.offline.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class JournalScanTest {

  @Property
  void theSlicesCoverTheWholeRingOnceInEvenWidths(@ForAll @IntRange(min = 1, max = 5_000) int slices) {
    long[] bounds = JournalScan.bounds(slices);

    assertEquals(slices + 1, bounds.length);
    // (MIN, b1], (b1, b2], ... (bn-1, MAX]: no key hashes to MIN, so nothing is left out
    assertEquals(Long.MIN_VALUE, bounds[0]);
    assertEquals(Long.MAX_VALUE, bounds[slices]);
    long width = Long.divideUnsigned(-1L, slices);
    for (int slice = 0; slice < slices; slice++) {
      long step = bounds[slice + 1] - bounds[slice];
      // the last slice takes the remainder of the division, less than one token per slice
      assertTrue(Long.compareUnsigned(step, width) >= 0 && Long.compareUnsigned(step - width, slices) < 0,
          "slice " + slice + " is " + Long.toUnsignedString(step) + " tokens wide");
    }
  }
}
