package dev.concierge.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DesignCpuTest {

  @Test
  void aDesignIsANameAndTheIdsOfItsProcesses() {
    assertEquals(new DesignCpu("redis", List.of(41L, 42L, 43L)), DesignCpu.parse("redis=41,42, 43"));
  }

  @Test
  void somethingElseIsRefusedWithTheFormItShouldHave() {
    for (String bad : List.of("ours", "ours=", "=42", "ours=x")) {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> DesignCpu.parse(bad));
      assertEquals(true, refused.getMessage().contains("ours=4242") || refused.getMessage().contains("process ids"),
          refused.getMessage());
    }
  }
}
