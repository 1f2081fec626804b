package dev.concierge.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepProfilerTest {

  @Test
  void aProfiledStepIsATargetAndARate() {
    assertEquals(new StepProfiler.Step("ours", 1000), StepProfiler.Step.parse("ours@1000"));
    assertEquals(new StepProfiler.Step("ours", 0), StepProfiler.Step.parse("ours@0"));
  }

  @Test
  void somethingElseIsRefusedWithTheFormItShouldHave() {
    for (String bad : List.of("ours", "ours@", "@1000", "ours@x", "ours@-5")) {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> StepProfiler.Step.parse(bad));
      assertTrue(refused.getMessage().contains("ours@1000") || refused.getMessage().contains("rate"), refused.getMessage());
    }
  }

  @Test
  void theSamplesThroughAKernelFrameAreCountedApart() {
    List<String> collapsed = List.of(
        "Thread.run;Decider.decide;Scorer.score 70",
        "Thread.run;SocketDispatcher.write;write;entry_SYSCALL_64_after_hwframe_[k];tcp_sendmsg_[k] 25",
        "Thread.run;Unsafe.park;futex_wait_[k] 5");

    StepProfiler.Profile profile = StepProfiler.count("cpu", Path.of("f.html"), Path.of("f.collapsed"), collapsed);

    assertEquals(100, profile.samples());
    assertEquals(30, profile.kernelSamples());
  }
}
