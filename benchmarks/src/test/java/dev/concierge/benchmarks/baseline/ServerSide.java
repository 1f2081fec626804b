package dev.concierge.benchmarks.baseline;

import static dev.concierge.benchmarks.baseline.BaselineFixtures.CATALOG;
import static dev.concierge.benchmarks.baseline.BaselineFixtures.CLOCK;
import static dev.concierge.benchmarks.baseline.BaselineFixtures.CONCIERGE;
import static dev.concierge.benchmarks.baseline.BaselineFixtures.POPULAR_PER_LIST;
import static dev.concierge.benchmarks.baseline.BaselineFixtures.RECOMMENDER;
import static dev.concierge.benchmarks.baseline.BaselineFixtures.RULES;
import static dev.concierge.benchmarks.baseline.BaselineFixtures.SETTINGS;
import static dev.concierge.benchmarks.baseline.BaselineFixtures.WARM_UP_ROWS;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.FeatureReader;
import dev.concierge.engine.decision.DecisionDeadline;
import dev.concierge.engine.decision.DecisionOutcome;
import dev.concierge.engine.metrics.NodeMetrics;
import dev.concierge.engine.model.ActiveModel;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.TrendingItems;
import dev.concierge.models.rules.RuleOverrides;
import dev.concierge.persistence.bundle.BundleArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The model server's decision path as {@link ModelServer} wires it (its own vocabulary, the
 * bundle read from a file, the trends it was given last), reading features through {@code features}.
 */
final class ServerSide {

  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

  final Vocabulary vocabulary = BaselineFixtures.vocabulary();
  private volatile TrendingItems trends;
  private final RedisDecider decider;

  /** With the node's decision deadline. */
  ServerSide(ActorSystem<?> system, FeatureReader features, Path workDir) throws IOException {
    this(system, features, workDir, DecisionDeadline.fromConfig(CONCIERGE.getConfig("decisions")));
  }

  /** @param deadline how long a decision waits for Redis before it falls back */
  ServerSide(ActorSystem<?> system, FeatureReader features, Path workDir, DecisionDeadline deadline) throws IOException {
    ActiveModel models = new ActiveModel(vocabulary, POPULAR_PER_LIST);
    models.catalogChanged(CATALOG);
    Path bundleFile = workDir.resolve("model" + BundleArchive.FILE_EXTENSION);
    Files.write(bundleFile, new BundleArchive(new ObjectMapper()).write(BaselineFixtures.bundle()));
    BundleFile.install(models, bundleFile, CATALOG, WARM_UP_ROWS);
    useTrends(TrendsSnapshot.NONE);
    ServingContext context =
        new ServingContext(SETTINGS, () -> CATALOG, vocabulary, models, () -> trends, RULES, RECOMMENDER, CLOCK);
    decider =
        new RedisDecider(
            features, context, deadline, outcome -> { },
            NodeMetrics.unserved(), system.executionContext(), CONCIERGE.getDuration("decisions.fallback-warning-every"));
  }

  /** The trends the writer published, as the server's trends feed turns them into its own. */
  void useTrends(TrendsSnapshot snapshot) {
    trends =
        snapshot.toTrends(
            vocabulary.items(), BaselineFixtures.HALF_LIFE_MILLIS, CONCIERGE.getInt("trending.top"));
  }

  DecisionOutcome decide(DecisionQuery query) throws Exception {
    return decider.decide(query, RuleOverrides.NONE, Function.identity())
        .toCompletableFuture()
        .get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }
}
