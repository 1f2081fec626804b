package dev.concierge.engine.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ThrottledWarningTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger("throttled-warning-test");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @BeforeEach
  void capture() {
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
  }

  @Test
  void theFirstWarningIsLoggedAndTheRestWithinTheIntervalAreHeldBack() {
    ThrottledWarning warning = new ThrottledWarning(logger, Duration.ofHours(1));

    for (int i = 0; i < 1_000; i++) {
      warning.warn("decision for {} fell back: {}", "c-" + i, "timeout");
    }

    assertEquals(List.of("decision for c-0 fell back: timeout"), messages());
  }

  @Test
  void onceTheIntervalHasPassedTheNextWarningSaysHowManyWereHeldBack() throws InterruptedException {
    Duration interval = Duration.ofMillis(50);
    ThrottledWarning warning = new ThrottledWarning(logger, interval);
    warning.warn("{} {}", "first", "warning");
    warning.warn("{} {}", "held", "back");
    warning.warn("{} {}", "held", "back");

    // the interval has to pass: a pace, not a condition
    Thread.sleep(interval.toMillis() * 2);
    warning.warn("{} {}", "next", "warning");

    assertEquals(List.of("first warning", "next warning (2 more like it since the last)"), messages());
  }

  private List<String> messages() {
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
