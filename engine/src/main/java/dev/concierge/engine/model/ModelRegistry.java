package dev.concierge.engine.model;

import com.typesafe.config.Config;
import dev.concierge.engine.kafka.RestartBackoff;
import dev.concierge.models.recommend.ModelAssignment;
import dev.concierge.models.recommend.ServingModel;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.ddata.Key;
import org.apache.pekko.cluster.ddata.LWWRegister;
import org.apache.pekko.cluster.ddata.LWWRegisterKey;
import org.apache.pekko.cluster.ddata.SelfUniqueAddress;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.ddata.typed.javadsl.Replicator;
import org.apache.pekko.cluster.ddata.typed.javadsl.ReplicatorMessageAdapter;
import org.apache.pekko.pattern.StatusReply;

/**
 * Publishes bundles, and activates them and A/B experiments cluster-wide without a restart.
 *
 * <p>Bundles are stored once in the {@link BundleStore}. A change of the assignment (active version
 * and experiments) is stored first, as the next generation, in the {@link AssignmentStore}, so that it
 * outlives a restart of the whole cluster; then a Pekko Distributed Data register, whose clock is the
 * generation, carries it to every node at once. Every node installs the stored assignment when it
 * starts and every newer one the register brings: it loads the bundles the assignment names, compiles
 * them, and only then installs them in its {@link ActiveModel}. Until the new models are ready the old
 * ones keep serving, so no decision fails during a swap; an install that fails is tried again with
 * backoff; and an assignment never replaces one of a later generation, however slowly it loaded. A
 * bundle is checked (schema, compilation) on the node that publishes or activates it before anything
 * changes.
 */
public final class ModelRegistry {

  public sealed interface Command {}

  /** Stores a bundle archive under its version, after checking that it loads. */
  public record Publish(byte[] archive, ActorRef<StatusReply<BundleSummary>> replyTo) implements Command {}

  public record ListBundles(ActorRef<StatusReply<ModelsReport>> replyTo) implements Command {}

  public record Activate(String version, ActorRef<StatusReply<ModelAssignment>> replyTo) implements Command {}

  /** Sets an experiment's arms (version to weight); no arms ends it. */
  public record PutExperiment(String name, Map<String, Double> arms, ActorRef<StatusReply<ModelAssignment>> replyTo)
      implements Command {}

  /** The published bundles, the assignment this node serves, the versions it has loaded, and how its install goes. */
  public record ModelsReport(
      List<BundleSummary> bundles, ModelAssignment assignment, Set<String> loadedHere, InstallStatus install) {}

  /** An assignment this node learnt of: from the store at start, from the register, or from its own change. */
  private record Seen(AssignmentGeneration generation) implements Command {}

  private record ReadStored() implements Command {}

  private record StoredReadFailed(Throwable failure) implements Command {}

  private record Installed(AssignmentGeneration generation, Map<String, ServingModel> loaded) implements Command {}

  private record InstallFailed(AssignmentGeneration generation, Throwable failure) implements Command {}

  private record RetryInstall(AssignmentGeneration generation) implements Command {}

  private record Checked(
      UnaryOperator<ModelAssignment> change, ActorRef<StatusReply<ModelAssignment>> replyTo, Throwable failure)
      implements Command {}

  private record Stored(
      AssignmentGeneration generation, ActorRef<StatusReply<ModelAssignment>> replyTo, Throwable failure)
      implements Command {}

  private record Updated(
      Replicator.UpdateResponse<LWWRegister<AssignmentGeneration>> response, AssignmentGeneration generation,
      ActorRef<StatusReply<ModelAssignment>> replyTo) implements Command {}

  /** No bundle of that version is published. */
  public static final class UnknownVersionException extends RuntimeException {
    UnknownVersionException(String version) {
      super("no bundle version '" + version + "' is published; see GET /admin/models");
    }
  }

  /** A change that a majority of nodes did not confirm in time. */
  public static final class ReplicationTimeoutException extends RuntimeException {
    ReplicationTimeoutException(String message) {
      super(message);
    }
  }

  /**
   * Its clock is the generation, so the register of every node converges on the latest change
   * whatever the nodes' wall clocks say. (The register before generations was
   * {@code concierge-model-assignment}, of wall-clock timestamps: the two never mix.)
   */
  public static final Key<LWWRegister<AssignmentGeneration>> KEY =
      LWWRegisterKey.create("concierge-model-assignment-generation");

  static final LWWRegister.Clock<AssignmentGeneration> GENERATION_CLOCK =
      (currentTimestamp, value) -> value.number();

  private static final Object READ_STORED = "read-stored";
  private static final Object INSTALL_RETRY = "install-retry";

  /**
   * @param writeTimeout how long a change waits for a majority of nodes to take it
   * @param installRetry the backoff between tries of an install (or of the read of the stored assignment at start)
   * @param blocking     runs the futures' callbacks, which may compile and must not take an actor's thread
   */
  public record Settings(Duration writeTimeout, RestartBackoff installRetry, Executor blocking) {

    /** From {@code concierge.models}. */
    public static Settings fromConfig(Config models, Executor blocking) {
      return new Settings(
          models.getDuration("write-timeout"), RestartBackoff.fromConfig(models.getConfig("install-retry")), blocking);
    }
  }

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final ReplicatorMessageAdapter<Command, LWWRegister<AssignmentGeneration>> replicator;
  private final SelfUniqueAddress node;
  private final BundleStore bundles;
  private final AssignmentStore assignments;
  private final BundleLoader loader;
  private final ActiveModel models;
  private final Settings settings;
  private final Clock clock;

  private AssignmentGeneration serving = AssignmentGeneration.NONE;
  private AssignmentGeneration latest = AssignmentGeneration.NONE;
  private int failedAttempts;
  private String lastFailure;

  private ModelRegistry(
      ActorContext<Command> context, TimerScheduler<Command> timers,
      ReplicatorMessageAdapter<Command, LWWRegister<AssignmentGeneration>> replicator,
      BundleStore bundles, AssignmentStore assignments, BundleLoader loader, ActiveModel models, Settings settings,
      Clock clock) {
    this.context = context;
    this.timers = timers;
    this.replicator = replicator;
    this.node = DistributedData.get(context.getSystem()).selfUniqueAddress();
    this.bundles = bundles;
    this.assignments = assignments;
    this.loader = loader;
    this.models = models;
    this.settings = settings;
    this.clock = clock;
  }

  public static Behavior<Command> create(
      BundleStore bundles, AssignmentStore assignments, BundleLoader loader, ActiveModel models, Settings settings,
      Clock clock) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers ->
                    DistributedData.withReplicatorMessageAdapter(
                        (ReplicatorMessageAdapter<Command, LWWRegister<AssignmentGeneration>> replicator) -> {
                          replicator.subscribe(KEY, ModelRegistry::changed);
                          ModelRegistry registry =
                              new ModelRegistry(
                                  context, timers, replicator, bundles, assignments, loader, models, settings, clock);
                          registry.readStored();
                          return registry.running();
                        })));
  }

  private static Command changed(Replicator.SubscribeResponse<LWWRegister<AssignmentGeneration>> response) {
    // nothing deletes the register; any other response is never newer than what a node knows, so it changes nothing
    return new Seen(
        response instanceof Replicator.Changed<LWWRegister<AssignmentGeneration>> changed
            ? changed.dataValue().getValue()
            : AssignmentGeneration.NONE);
  }

  private Behavior<Command> running() {
    return Behaviors.receive(Command.class)
        .onMessage(Publish.class, this::onPublish)
        .onMessage(ListBundles.class, this::onList)
        .onMessage(Activate.class, command -> onChange(command.replyTo(), Set.of(command.version()),
            assignment -> assignment.activate(command.version())))
        .onMessage(PutExperiment.class, this::onPutExperiment)
        .onMessage(Checked.class, this::onChecked)
        .onMessage(Stored.class, this::onStored)
        .onMessage(Updated.class, this::onUpdated)
        .onMessage(ReadStored.class, read -> readStored())
        .onMessage(StoredReadFailed.class, this::onStoredReadFailed)
        .onMessage(Seen.class, seen -> onSeen(seen.generation()))
        .onMessage(RetryInstall.class, this::onRetryInstall)
        .onMessage(Installed.class, this::onInstalled)
        .onMessage(InstallFailed.class, this::onInstallFailed)
        .build();
  }

  private Behavior<Command> onPublish(Publish command) {
    CompletionStage<BundleSummary> published =
        CompletableFuture.supplyAsync(() -> loader.checked(command.archive()), settings.blocking())
            .thenComposeAsync(
                bundle ->
                    bundles.put(
                        new BundleSummary(bundle.version(), bundle.kind(), clock.instant(), bundle.metadata()),
                        command.archive()),
                settings.blocking());
    published.whenCompleteAsync(
        (summary, failure) ->
            command.replyTo().tell(failure == null ? StatusReply.success(summary) : StatusReply.error(cause(failure))),
        settings.blocking());
    return Behaviors.same();
  }

  private Behavior<Command> onList(ListBundles command) {
    ModelAssignment assignment = models.assignment();
    Set<String> loaded = Set.copyOf(models.loaded().keySet());
    InstallStatus install = new InstallStatus(serving.number(), latest.number(), failedAttempts, lastFailure);
    bundles.list().whenCompleteAsync(
        (published, failure) ->
            command.replyTo().tell(
                failure == null
                    ? StatusReply.success(new ModelsReport(published, assignment, loaded, install))
                    : StatusReply.error(cause(failure))),
        settings.blocking());
    return Behaviors.same();
  }

  private Behavior<Command> onPutExperiment(PutExperiment command) {
    try {
      // validates the name and weights before anything is loaded
      ModelAssignment.NONE.withExperiment(command.name(), command.arms());
    } catch (IllegalArgumentException e) {
      command.replyTo().tell(StatusReply.error(e));
      return Behaviors.same();
    }
    return onChange(command.replyTo(), command.arms().keySet(),
        assignment -> assignment.withExperiment(command.name(), command.arms()));
  }

  /** Loads every version the change needs, here, before the change is stored. */
  private Behavior<Command> onChange(
      ActorRef<StatusReply<ModelAssignment>> replyTo, Set<String> versions, UnaryOperator<ModelAssignment> change) {
    context.pipeToSelf(loader.loadAll(versions), (loaded, failure) -> new Checked(change, replyTo, failure));
    return Behaviors.same();
  }

  private Behavior<Command> onChecked(Checked checked) {
    if (checked.failure() != null) {
      checked.replyTo().tell(StatusReply.error(cause(checked.failure())));
      return Behaviors.same();
    }
    context.pipeToSelf(
        assignments.change(checked.change()),
        (stored, failure) -> new Stored(stored, checked.replyTo(), failure));
    return Behaviors.same();
  }

  /** Installs the stored change here at once, and hands it to the register, which carries it to the other nodes. */
  private Behavior<Command> onStored(Stored stored) {
    if (stored.failure() != null) {
      stored.replyTo().tell(StatusReply.error(cause(stored.failure())));
      return Behaviors.same();
    }
    AssignmentGeneration generation = stored.generation();
    onSeen(generation);
    replicator.askUpdate(
        askReplyTo ->
            new Replicator.Update<>(
                KEY,
                LWWRegister.create(node, AssignmentGeneration.NONE, GENERATION_CLOCK),
                new Replicator.WriteMajority(settings.writeTimeout()),
                askReplyTo,
                register ->
                    generation.isNewerThan(register.getValue())
                        ? register.withValue(node, generation, GENERATION_CLOCK)
                        : register),
        response -> new Updated(response, generation, stored.replyTo()));
    return Behaviors.same();
  }

  private Behavior<Command> onUpdated(Updated updated) {
    if (updated.response() instanceof Replicator.UpdateSuccess) {
      updated.replyTo().tell(StatusReply.success(updated.generation().assignment()));
    } else {
      updated.replyTo().tell(StatusReply.error(new ReplicationTimeoutException(
          "the change is stored as generation " + updated.generation().number() + " but did not reach a majority of"
              + " nodes in time (" + updated.response().getClass().getSimpleName() + "); it goes on spreading, check"
              + " GET /admin/models")));
    }
    return Behaviors.same();
  }

  private Behavior<Command> readStored() {
    context.pipeToSelf(
        assignments.current(),
        (stored, failure) -> failure == null ? new Seen(stored) : new StoredReadFailed(failure));
    return Behaviors.same();
  }

  private Behavior<Command> onStoredReadFailed(StoredReadFailed failed) {
    Duration delay = failedOnce(failed.failure());
    context.getLog().error(
        "could not read the stored model assignment (try {}): {}; still serving {}; trying again in {}",
        failedAttempts, lastFailure, serving, delay);
    timers.startSingleTimer(READ_STORED, new ReadStored(), delay);
    return Behaviors.same();
  }

  /** Starts installing {@code generation} if it is the newest this node knows of; older ones are dropped. */
  private Behavior<Command> onSeen(AssignmentGeneration generation) {
    if (!generation.isNewerThan(latest)) {
      return Behaviors.same();
    }
    latest = generation;
    failedAttempts = 0;
    lastFailure = null;
    timers.cancel(INSTALL_RETRY);
    install(generation);
    return Behaviors.same();
  }

  private Behavior<Command> onRetryInstall(RetryInstall retry) {
    if (retry.generation().equals(latest)) {
      install(retry.generation());
    }
    return Behaviors.same();
  }

  private void install(AssignmentGeneration generation) {
    context.pipeToSelf(
        loader.loadAll(versionsOf(generation.assignment())),
        (loaded, failure) ->
            failure == null ? new Installed(generation, loaded) : new InstallFailed(generation, failure));
  }

  private Behavior<Command> onInstalled(Installed installed) {
    AssignmentGeneration generation = installed.generation();
    if (!generation.isNewerThan(serving)) {
      context.getLog().info("loaded {} after {} was installed; dropped", generation, serving);
      return Behaviors.same();
    }
    models.install(generation.assignment(), installed.loaded());
    serving = generation;
    if (generation.equals(latest)) {
      failedAttempts = 0;
      lastFailure = null;
    }
    context.getLog().info("serving {} (loaded here: {})", generation, installed.loaded().keySet());
    return Behaviors.same();
  }

  private Behavior<Command> onInstallFailed(InstallFailed failed) {
    if (!failed.generation().equals(latest)) {
      context.getLog().info("could not load {}, which {} has replaced: {}", failed.generation(), latest,
          cause(failed.failure()).toString());
      return Behaviors.same();
    }
    Duration delay = failedOnce(failed.failure());
    context.getLog().error(
        "could not install {} (try {}): {}; still serving {}; trying again in {}",
        failed.generation(), failedAttempts, lastFailure, serving, delay);
    timers.startSingleTimer(INSTALL_RETRY, new RetryInstall(failed.generation()), delay);
    return Behaviors.same();
  }

  /** Counts a failure, for GET /admin/models, and answers how long to wait before the next try. */
  private Duration failedOnce(Throwable failure) {
    failedAttempts++;
    lastFailure = cause(failure).toString();
    return settings.installRetry().delayAfter(failedAttempts);
  }

  private static Set<String> versionsOf(ModelAssignment assignment) {
    Set<String> versions = new HashSet<>();
    if (assignment.activeVersion() != null) {
      versions.add(assignment.activeVersion());
    }
    assignment.experiments().values().forEach(arms -> versions.addAll(arms.keySet()));
    return versions;
  }

  /** The failure itself, out of the wrappers that futures put around it. */
  private static Throwable cause(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
