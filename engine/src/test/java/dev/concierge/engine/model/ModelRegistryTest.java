package dev.concierge.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.kafka.RestartBackoff;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.ModelAssignment;
import dev.concierge.testing.Eventually;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.ddata.LWWRegister;
import org.apache.pekko.cluster.ddata.SelfUniqueAddress;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.ddata.typed.javadsl.Replicator;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry on a one-node cluster, with bundles and the stored assignment in memory: installs are
 * ordered by generation, a failed install is retried until it succeeds, and the stored assignment
 * is what a node serves after a restart.
 */
class ModelRegistryTest {

  private static final Duration SETTLE = Duration.ofSeconds(20);
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);
  private static final int WARM_UP_ROWS = 10;
  private static final int POPULAR_PER_LIST = 20;
  private static final RestartBackoff QUICK_RETRY = new RestartBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 0.2);

  private final ExecutorService blocking = Executors.newFixedThreadPool(2);
  private final List<ActorTestKit> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() throws InterruptedException {
    nodes.forEach(ActorTestKit::shutdownTestKit);
    blocking.shutdownNow();
    blocking.awaitTermination(ASK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void aSlowLoadOfAnOlderGenerationFinishingAfterANewerOneWasInstalledLeavesTheNewerOneActive() {
    ScriptedBundleStore bundles = new ScriptedBundleStore().with("v1").with("v2");
    CompletableFuture<Void> v1Read = bundles.hold("v1");
    Node node = startNode(bundles, new InMemoryAssignmentStore());

    // as another node's changes arrive: generation 1 first, whose bundle is slow to load, then generation 2
    node.replicate(new AssignmentGeneration(1, ModelAssignment.NONE.activate("v1")));
    Eventually.within(SETTLE, "generation 1 is loading", () -> bundles.reads("v1") == 1);
    node.replicate(new AssignmentGeneration(2, ModelAssignment.NONE.activate("v2")));
    Eventually.within(SETTLE, "generation 2 serves", () -> "v2".equals(node.servedVersion()));

    // the registry logs whatever it does with generation 1 once loaded: drops it, or (wrongly) serves it
    LoggingTestKit.info("generation 1 ").expect(node.testKit.system(), () -> v1Read.complete(null));

    assertEquals("v2", node.servedVersion(), "the late generation 1 did not replace generation 2");
    assertEquals(ModelAssignment.NONE.activate("v2"), node.models.assignment());
    assertEquals(2, node.list().install().servingGeneration());
  }

  @Test
  void anInstallThatFailsIsTriedAgainWithBackoffVisiblyUntilTheModelIsInstalled() {
    ScriptedBundleStore bundles = new ScriptedBundleStore().with("v1");
    InMemoryAssignmentStore assignments = new InMemoryAssignmentStore();
    assignments.change(assignment -> assignment.activate("v1"));
    bundles.failNextReads(Integer.MAX_VALUE);

    ActorTestKit testKit = testKit();
    Node node =
        LoggingTestKit.error("could not install generation 1")
            .withMessageRegex(".*\\(try 2\\): .*" + ScriptedBundleStore.DOWN + ".*")
            .expect(testKit.system(), () -> startNode(testKit, bundles, assignments));
    Eventually.within(SETTLE, "the listing shows the failed tries", () -> node.list().install().failedAttempts() >= 2);
    InstallStatus failing = node.list().install();
    assertEquals(0, failing.servingGeneration());
    assertEquals(1, failing.latestGeneration());
    assertTrue(failing.lastFailure().contains(ScriptedBundleStore.DOWN), failing.lastFailure());
    assertEquals(null, node.servedVersion(), "the heuristic serves meanwhile");

    bundles.failNextReads(0);

    Eventually.within(SETTLE, "v1 is installed", () -> "v1".equals(node.servedVersion()));
    assertEquals(new InstallStatus(1, 1, 0, null), node.list().install());
  }

  @Test
  void aStoreThatFailsTheFirstLoadsThenSucceedsEndsWithTheModelInstalled() {
    ScriptedBundleStore bundles = new ScriptedBundleStore().with("v1");
    InMemoryAssignmentStore assignments = new InMemoryAssignmentStore();
    assignments.change(assignment -> assignment.activate("v1"));
    bundles.failNextReads(3);

    Node node = startNode(bundles, assignments);

    Eventually.within(SETTLE, "v1 is installed", () -> "v1".equals(node.servedVersion()));
  }

  @Test
  void activationsAndExperimentsAreStoredAsNewGenerationsAndServedAgainByANodeThatStartsAfresh() {
    ScriptedBundleStore bundles = new ScriptedBundleStore().with("v1").with("v2");
    InMemoryAssignmentStore assignments = new InMemoryAssignmentStore();
    Node first = startNode(bundles, assignments);

    join(first.admin.activate("v1"));
    ModelAssignment withExperiment = join(first.admin.putExperiment("ab", Map.of("v1", 1.0, "v2", 1.0)));

    assertEquals(new AssignmentGeneration(2, withExperiment), join(assignments.current()));
    Eventually.within(SETTLE, "the experiment serves", () -> withExperiment.equals(first.models.assignment()));

    first.testKit.shutdownTestKit();
    Node restarted = startNode(bundles, assignments);

    Eventually.within(SETTLE, "the restarted node serves the stored experiment",
        () -> withExperiment.equals(restarted.models.assignment()));
    assertEquals(Map.of("v1", 1.0, "v2", 1.0), restarted.models.assignment().experiments().get("ab"));
    assertEquals(2, restarted.list().install().servingGeneration());
    Eventually.within(SETTLE, "both arms are loaded", () -> restarted.models.loaded().keySet().containsAll(List.of("v1", "v2")));
  }

  /** One node: its actor system, joined to itself, with a registry and the models it installs. */
  private final class Node {
    final ActorTestKit testKit;
    final ActiveModel models;
    final ModelAdminService admin;

    Node(ActorTestKit testKit, BundleStore bundles, AssignmentStore assignments) {
      this.testKit = testKit;
      this.models = new ActiveModel(new Vocabulary(10_000, 1_000), POPULAR_PER_LIST);
      models.catalogChanged(TestBundles.CATALOG);
      ActorRef<ModelRegistry.Command> registry =
          testKit.spawn(
              ModelRegistry.create(
                  bundles, assignments,
                  new BundleLoader(bundles, TestBundles.ARCHIVES, models, () -> TestBundles.CATALOG, blocking, WARM_UP_ROWS),
                  models, new ModelRegistry.Settings(ASK_TIMEOUT, QUICK_RETRY, blocking), Clock.systemUTC()));
      this.admin = new ModelAdminService(registry, models, ASK_TIMEOUT, testKit.scheduler());
    }

    /** The version that serves a customer outside experiments; null for the built-in heuristic. */
    String servedVersion() {
      String version = models.choose("c-1").model().version();
      return models.loaded().containsKey(version) ? version : null;
    }

    ModelRegistry.ModelsReport list() {
      return join(admin.list());
    }

    /** Writes {@code generation} to the register, as another node's change would arrive. */
    void replicate(AssignmentGeneration generation) {
      SelfUniqueAddress self = DistributedData.get(testKit.system()).selfUniqueAddress();
      TestProbe<Replicator.UpdateResponse<LWWRegister<AssignmentGeneration>>> written = testKit.createTestProbe();
      DistributedData.get(testKit.system()).replicator().tell(
          new Replicator.Update<>(
              ModelRegistry.KEY,
              LWWRegister.create(self, AssignmentGeneration.NONE, ModelRegistry.GENERATION_CLOCK),
              Replicator.writeLocal(),
              written.getRef(),
              register -> register.withValue(self, generation, ModelRegistry.GENERATION_CLOCK)));
      written.expectMessageClass(Replicator.UpdateSuccess.class, ASK_TIMEOUT);
    }
  }

  private Node startNode(BundleStore bundles, AssignmentStore assignments) {
    return startNode(testKit(), bundles, assignments);
  }

  private Node startNode(ActorTestKit testKit, BundleStore bundles, AssignmentStore assignments) {
    return new Node(testKit, bundles, assignments);
  }

  /** A new one-node cluster, up. */
  private ActorTestKit testKit() {
    ActorTestKit testKit =
        ActorTestKit.create(
            ConfigFactory.parseString(
                    "pekko.actor.provider = cluster\n"
                        + "pekko.remote.artery.canonical.port = 0\n"
                        + "pekko.cluster.jmx.multi-mbeans-in-same-jvm = on")
                .withFallback(ConfigFactory.load()));
    nodes.add(testKit);
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    Eventually.within(SETTLE, "the node is up", () -> cluster.selfMember().status() == MemberStatus.up());
    return testKit;
  }

  private static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
    return stage.toCompletableFuture().orTimeout(ASK_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
  }
}
