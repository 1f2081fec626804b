package dev.concierge;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Optional;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** The node's root actor: it wires the node and then only supervises. */
public final class Guardian {

  private Guardian() {}

  public static Behavior<Void> create() {
    return create(Optional.empty());
  }

  /** @param spanExporter where the node's spans go instead of OTLP, when tracing is on: tests read them */
  public static Behavior<Void> create(Optional<SpanExporter> spanExporter) {
    return Behaviors.setup(
        context -> {
          Node.start(context.getSystem(), spanExporter);
          return Behaviors.empty();
        });
  }
}
