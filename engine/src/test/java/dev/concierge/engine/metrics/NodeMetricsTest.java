package dev.concierge.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.models.Vocabulary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.pattern.AskTimeoutException;
import org.junit.jupiter.api.Test;

class NodeMetricsTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final NodeMetrics metrics = new NodeMetrics(meters);

  @Test
  void anAskTimeoutIsATimeoutEvenWrappedAndAnythingElseIsAFailure() {
    metrics.fellBack(new CompletionException(new AskTimeoutException("no answer in 300 ms")));
    metrics.fellBack(new AskTimeoutException("no answer in 300 ms"));
    metrics.fellBack(new CompletionException(new IllegalStateException("the actor stopped")));

    assertEquals(2, count("concierge.decision.fallbacks", "cause", "timeout"));
    assertEquals(1, count("concierge.decision.fallbacks", "cause", "failure"));
  }

  @Test
  void theJournalGaugeFollowsTheLatestProbe() {
    AtomicBoolean reachable = new AtomicBoolean(true);
    metrics.watchJournal(reachable::get);

    assertEquals(1, meters.get("concierge.journal.reachable").gauge().value());
    reachable.set(false);
    assertEquals(0, meters.get("concierge.journal.reachable").gauge().value());
  }

  @Test
  void decisionsAreCountedByOutcome() {
    metrics.decided(false);
    metrics.decided(false);
    metrics.decided(true);

    assertEquals(2, count("concierge.decisions", "outcome", "personal"));
    assertEquals(1, count("concierge.decisions", "outcome", "fallback"));
  }

  @Test
  void eventsDeadLettersAndRestartsAreCounted() {
    metrics.eventRecorded(false);
    metrics.eventRecorded(true);
    metrics.deadLettered();
    metrics.ingestionRestarted();
    metrics.ingestionRestarted();

    assertEquals(1, count("concierge.events", "result", "recorded"));
    assertEquals(1, count("concierge.events", "result", "duplicate"));
    assertEquals(1, meters.get("concierge.dead.letters").counter().count());
    assertEquals(2, meters.get("concierge.ingestion.restarts").counter().count());
  }

  @Test
  void everyCounterExistsFromTheStartSoThatAScrapeShowsZeros() {
    assertEquals(0, count("concierge.decision.fallbacks", "cause", "timeout"));
    assertEquals(0, meters.get("concierge.ingestion.restarts").counter().count());
  }

  @Test
  void theVocabularyGaugesFollowItsSize() {
    Vocabulary vocabulary = new Vocabulary(10, 10);
    NodeMetrics.watch(meters, vocabulary);
    vocabulary.items().intern("sku-1");
    vocabulary.items().intern("sku-2");
    vocabulary.categories().intern("tents");

    assertEquals(2, meters.get("concierge.vocabulary.items").gauge().value());
    assertEquals(1, meters.get("concierge.vocabulary.categories").gauge().value());
  }

  private double count(String counter, String tag, String value) {
    return meters.get(counter).tag(tag, value).counter().count();
  }
}
