package dev.concierge.engine.model;

import dev.concierge.models.Catalog;
import dev.concierge.models.recommend.ModelAssignment;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.ServingModel;
import dev.concierge.persistence.bundle.BundleArchive;
import dev.concierge.persistence.serialization.KryoSerializable;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
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
 * <p>Bundles are stored once in the {@link BundleStore}; the assignment (active version and
 * experiments) is a Pekko Distributed Data register that every node's registry subscribes to. On a
 * change each node loads the bundles it names from the store, compiles them, and only then installs
 * them in its {@link ActiveModel}: until the new models are ready the old ones keep serving, so no
 * decision fails during a swap. A bundle is checked (schema, compilation) on the node that publishes
 * or activates it before anything changes.
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

  /** The published bundles, the assignment, and which versions this node has loaded. */
  public record ModelsReport(List<BundleSummary> bundles, ModelAssignment assignment, Set<String> loadedHere) {}

  /** The cluster-wide assignment, as replicated: the only message of this protocol that crosses nodes. */
  public record Assignment(ModelAssignment value) implements KryoSerializable {}

  private record AssignmentChanged(ModelAssignment assignment) implements Command {}

  private record Installed(ModelAssignment assignment, Map<String, ServingModel> loaded) implements Command {}

  private record InstallFailed(ModelAssignment assignment, Throwable failure) implements Command {}

  private record Checked(
      java.util.function.UnaryOperator<ModelAssignment> change, ActorRef<StatusReply<ModelAssignment>> replyTo,
      Throwable failure) implements Command {}

  private record Updated(
      Replicator.UpdateResponse<LWWRegister<Assignment>> response, ModelAssignment assignment,
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

  public static final Key<LWWRegister<Assignment>> KEY = LWWRegisterKey.create("concierge-model-assignment");

  /**
   * @param blocking    runs loading and compiling, which take CPU time the actor's thread must not
   * @param warmUpRows  rows scored by each newly loaded model before it serves
   */
  public record Settings(Duration writeTimeout, Executor blocking, int warmUpRows) {}

  private final ActorContext<Command> context;
  private final ReplicatorMessageAdapter<Command, LWWRegister<Assignment>> replicator;
  private final SelfUniqueAddress node;
  private final BundleStore store;
  private final BundleArchive archives;
  private final ActiveModel models;
  private final Supplier<Catalog> catalog;
  private final Settings settings;
  private final Clock clock;

  private ModelRegistry(
      ActorContext<Command> context,
      ReplicatorMessageAdapter<Command, LWWRegister<Assignment>> replicator,
      BundleStore store, BundleArchive archives, ActiveModel models, Supplier<Catalog> catalog, Settings settings,
      Clock clock) {
    this.context = context;
    this.replicator = replicator;
    this.node = DistributedData.get(context.getSystem()).selfUniqueAddress();
    this.store = store;
    this.archives = archives;
    this.models = models;
    this.catalog = catalog;
    this.settings = settings;
    this.clock = clock;
  }

  public static Behavior<Command> create(
      BundleStore store, BundleArchive archives, ActiveModel models, Supplier<Catalog> catalog, Settings settings,
      Clock clock) {
    return Behaviors.setup(
        context ->
            DistributedData.withReplicatorMessageAdapter(
                (ReplicatorMessageAdapter<Command, LWWRegister<Assignment>> replicator) -> {
                  replicator.subscribe(KEY, ModelRegistry::changed);
                  return new ModelRegistry(context, replicator, store, archives, models, catalog, settings, clock)
                      .running();
                }));
  }

  private static Command changed(Replicator.SubscribeResponse<LWWRegister<Assignment>> response) {
    return response instanceof Replicator.Changed<LWWRegister<Assignment>> changed
        ? new AssignmentChanged(changed.dataValue().getValue().value())
        : new AssignmentChanged(ModelAssignment.NONE);
  }

  private Behavior<Command> running() {
    return Behaviors.receive(Command.class)
        .onMessage(Publish.class, this::onPublish)
        .onMessage(ListBundles.class, this::onList)
        .onMessage(Activate.class, command -> onChange(command.replyTo(), Set.of(command.version()),
            assignment -> assignment.activate(command.version())))
        .onMessage(PutExperiment.class, this::onPutExperiment)
        .onMessage(Checked.class, this::onChecked)
        .onMessage(Updated.class, this::onUpdated)
        .onMessage(AssignmentChanged.class, this::onAssignmentChanged)
        .onMessage(Installed.class, this::onInstalled)
        .onMessage(InstallFailed.class, this::onInstallFailed)
        .build();
  }

  private Behavior<Command> onPublish(Publish command) {
    CompletionStage<BundleSummary> published =
        CompletableFuture.supplyAsync(() -> checked(command.archive()), settings.blocking())
            .thenComposeAsync(
                bundle ->
                    store.put(
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
    store.list().whenCompleteAsync(
        (bundles, failure) ->
            command.replyTo().tell(
                failure == null
                    ? StatusReply.success(new ModelsReport(bundles, assignment, loaded))
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

  /** Loads every version the change needs, here, before the change goes out to the cluster. */
  private Behavior<Command> onChange(
      ActorRef<StatusReply<ModelAssignment>> replyTo, Set<String> versions,
      java.util.function.UnaryOperator<ModelAssignment> change) {
    context.pipeToSelf(
        loadAll(versions),
        (loaded, failure) -> new Checked(change, replyTo, failure));
    return Behaviors.same();
  }

  private Behavior<Command> onChecked(Checked checked) {
    if (checked.failure() != null) {
      checked.replyTo().tell(StatusReply.error(cause(checked.failure())));
      return Behaviors.same();
    }
    ModelAssignment[] result = new ModelAssignment[1];
    replicator.askUpdate(
        askReplyTo ->
            new Replicator.Update<>(
                KEY,
                LWWRegister.create(node, new Assignment(ModelAssignment.NONE)),
                new Replicator.WriteMajority(settings.writeTimeout()),
                askReplyTo,
                register -> {
                  result[0] = checked.change().apply(register.getValue().value());
                  return register.withValue(node, new Assignment(result[0]));
                }),
        response -> new Updated(response, result[0], checked.replyTo()));
    return Behaviors.same();
  }

  private Behavior<Command> onUpdated(Updated updated) {
    if (updated.response() instanceof Replicator.UpdateSuccess) {
      updated.replyTo().tell(StatusReply.success(updated.assignment()));
    } else {
      updated.replyTo().tell(StatusReply.error(new ReplicationTimeoutException(
          "the change did not reach a majority of nodes in time (" + updated.response().getClass().getSimpleName()
              + "); it may still spread, check GET /admin/models")));
    }
    return Behaviors.same();
  }

  private Behavior<Command> onAssignmentChanged(AssignmentChanged changed) {
    Set<String> versions = versionsOf(changed.assignment());
    context.pipeToSelf(
        loadAll(versions),
        (loaded, failure) ->
            failure == null
                ? new Installed(changed.assignment(), loaded)
                : new InstallFailed(changed.assignment(), failure));
    return Behaviors.same();
  }

  private Behavior<Command> onInstalled(Installed installed) {
    models.install(installed.assignment(), installed.loaded());
    context.getLog().info("serving {} (loaded here: {})", installed.assignment(), installed.loaded().keySet());
    return Behaviors.same();
  }

  private Behavior<Command> onInstallFailed(InstallFailed failed) {
    context.getLog().error(
        "could not load the models of {}; still serving {}: {}", failed.assignment(), models.assignment(),
        cause(failed.failure()).toString());
    return Behaviors.same();
  }

  /** The versions already loaded are reused; the others are read from the store and compiled. */
  private CompletionStage<Map<String, ServingModel>> loadAll(Set<String> versions) {
    Map<String, ServingModel> current = models.loaded();
    Map<String, CompletableFuture<ServingModel>> loading = new HashMap<>();
    for (String version : versions) {
      ServingModel ready = current.get(version);
      loading.put(version, ready != null ? CompletableFuture.completedFuture(ready) : load(version));
    }
    return CompletableFuture.allOf(loading.values().toArray(new CompletableFuture<?>[0]))
        .thenApplyAsync(
            done -> {
              Map<String, ServingModel> loaded = new HashMap<>();
              loading.forEach((version, model) -> loaded.put(version, model.join()));
              return loaded;
            },
            settings.blocking());
  }

  private CompletableFuture<ServingModel> load(String version) {
    return store
        .archive(version)
        .thenApplyAsync(
            archive ->
                ServingModel.load(
                    checked(archive.orElseThrow(() -> new UnknownVersionException(version))),
                    catalog.get(), models.vocabulary(), models.popularPerList())
                    .warmedUp(settings.warmUpRows()),
            settings.blocking())
        .toCompletableFuture();
  }

  /** Reads the archive and compiles it once, so a bad bundle is refused before it is stored or served. */
  private ModelBundle checked(byte[] archive) {
    ModelBundle bundle = archives.read(archive);
    ServingModel.load(bundle, catalog.get(), models.vocabulary(), models.popularPerList());
    return bundle;
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
