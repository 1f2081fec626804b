package dev.concierge;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** The node's root actor: it wires the node and then only supervises. */
public final class Guardian {

  private Guardian() {}

  public static Behavior<Void> create() {
    return Behaviors.setup(
        context -> {
          Node.start(context.getSystem());
          return Behaviors.empty();
        });
  }
}
