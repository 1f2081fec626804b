package dev.concierge.engine.model;

import dev.concierge.models.recommend.ModelAssignment;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/** The model operations of the admin API, as asks to this node's {@link ModelRegistry}. */
public final class ModelAdminService implements ModelAdmin {

  private final ActorRef<ModelRegistry.Command> registry;
  private final ActiveModel models;
  private final Duration timeout;
  private final Scheduler scheduler;

  public ModelAdminService(
      ActorRef<ModelRegistry.Command> registry, ActiveModel models, Duration timeout, Scheduler scheduler) {
    this.registry = registry;
    this.models = models;
    this.timeout = timeout;
    this.scheduler = scheduler;
  }

  @Override
  public CompletionStage<BundleSummary> publish(byte[] archive) {
    return AskPattern.askWithStatus(registry, replyTo -> new ModelRegistry.Publish(archive, replyTo), timeout, scheduler);
  }

  @Override
  public CompletionStage<ModelRegistry.ModelsReport> list() {
    return AskPattern.askWithStatus(registry, ModelRegistry.ListBundles::new, timeout, scheduler);
  }

  @Override
  public CompletionStage<ModelAssignment> activate(String version) {
    return AskPattern.askWithStatus(registry, replyTo -> new ModelRegistry.Activate(version, replyTo), timeout, scheduler);
  }

  @Override
  public CompletionStage<ModelAssignment> putExperiment(String name, Map<String, Double> arms) {
    return AskPattern.askWithStatus(
        registry, replyTo -> new ModelRegistry.PutExperiment(name, arms, replyTo), timeout, scheduler);
  }

  @Override
  public ModelAssignment assignment() {
    return models.assignment();
  }
}
