package dev.concierge.engine.sharding;

import dev.concierge.persistence.serialization.KryoSerializable;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * This node's {@link ShardActivity}, sampled on a timer and offered to the cluster through the
 * receptionist, so that any node's admin API can sum the rates of all of them.
 */
public final class ShardActivityReporter {

  public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "concierge-shard-activity");

  public sealed interface Command extends KryoSerializable {}

  /** Asks for this node's rates. */
  public record Collect(ActorRef<Report> replyTo) implements Command {}

  /** One node's shards with any activity in the window. */
  public record Report(String node, List<ShardActivity.ShardRate> shards) implements KryoSerializable {
    public Report {
      shards = List.copyOf(shards);
    }
  }

  private enum Sample implements Command {
    INSTANCE
  }

  private ShardActivityReporter() {}

  /** @param node this node's address, which the reports carry */
  public static Behavior<Command> create(ShardActivity activity, Duration sampleEvery, String node) {
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
              collect.replyTo().tell(new Report(node, activity.rates()));
              return Behaviors.same();
            })
            .build();
      });
    });
  }
}
