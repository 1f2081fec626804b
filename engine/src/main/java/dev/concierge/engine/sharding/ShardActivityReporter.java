package dev.concierge.engine.sharding;

import dev.concierge.persistence.serialization.KryoSerializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * This node's shards and their {@link ShardActivity}, offered to the cluster through the
 * receptionist, so that any node's admin API can see where every shard lives and sum the rates.
 * Each node speaks for its own region: where a shard lives does not depend on the coordinator or on
 * every other node answering.
 */
public final class ShardActivityReporter {

  public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "concierge-shard-activity");

  public sealed interface Command extends KryoSerializable {}

  /** Asks for this node's shards and rates. */
  public record Collect(ActorRef<Report> replyTo) implements Command {}

  /** A shard this node's region hosts, with its customers in memory (0 when it was too busy to count them). */
  public record HostedShard(String shardId, int entities) implements KryoSerializable {}

  /**
   * One node's report.
   *
   * @param rates          its shards with any activity in the window
   * @param regionAnswered whether its region listed its shards in time; when not, {@code hosted} is empty
   */
  public record Report(String node, List<ShardActivity.ShardRate> rates, boolean regionAnswered, List<HostedShard> hosted)
      implements KryoSerializable {
    public Report {
      rates = List.copyOf(rates);
      hosted = List.copyOf(hosted);
    }

    public boolean hosts(String shardId) {
      for (HostedShard shard : hosted) {
        if (shard.shardId().equals(shardId)) {
          return true;
        }
      }
      return false;
    }
  }

  private enum Sample implements Command {
    INSTANCE
  }

  /** The region's answer to one Collect; never leaves this node. */
  private record RegionListed(ActorRef<Report> replyTo, Map<String, Integer> hosted) implements Command {}

  private ShardActivityReporter() {}

  /** @param node this node's address, which the reports carry */
  public static Behavior<Command> create(
      ShardActivity activity, Duration sampleEvery, String node, LocalShards localShards) {
    return Behaviors.setup(context -> {
      context.getSystem().receptionist().tell(Receptionist.register(KEY, context.getSelf()));
      return Behaviors.withTimers(timers -> {
        timers.startTimerAtFixedRate(Sample.INSTANCE, sampleEvery);
        return Behaviors.receive(Command.class)
            .onMessageEquals(Sample.INSTANCE, () -> {
              activity.sample();
              return Behaviors.same();
            })
            .onMessage(Collect.class, collect -> {
              context.pipeToSelf(localShards.hosted(),
                  (hosted, failure) -> new RegionListed(collect.replyTo(), failure == null ? hosted : null));
              return Behaviors.same();
            })
            .onMessage(RegionListed.class, listed -> {
              listed.replyTo().tell(report(node, activity, listed.hosted()));
              return Behaviors.same();
            })
            .build();
      });
    });
  }

  private static Report report(String node, ShardActivity activity, Map<String, Integer> hosted) {
    if (hosted == null) {
      return new Report(node, activity.rates(), false, List.of());
    }
    List<HostedShard> shards = new ArrayList<>(hosted.size());
    hosted.forEach((shard, entities) -> shards.add(new HostedShard(shard, entities)));
    return new Report(node, activity.rates(), true, shards);
  }
}
