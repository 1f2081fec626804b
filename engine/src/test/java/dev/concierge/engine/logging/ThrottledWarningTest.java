package dev.concierge.engine.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
  void onceTheIntervalHasPassedTheNextWarningSaysHowManyWereHeldBack() {
    Duration interval = Duration.ofSeconds(10);
    AtomicLong clock = new AtomicLong();
    ThrottledWarning warning = new ThrottledWarning(logger, interval, clock::get);
    warning.warn("{} {}", "first", "warning");
    warning.warn("{} {}", "held", "back");
    warning.warn("{} {}", "held", "back");

    clock.addAndGet(interval.toNanos());
    warning.warn("{} {}", "next", "warning");

    assertEquals(List.of("first warning", "next warning (2 more like it since the last)"), messages());
  }

  private List<String> messages() {
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
