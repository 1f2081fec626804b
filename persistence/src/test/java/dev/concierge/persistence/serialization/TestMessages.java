package dev.concierge.persistence.serialization;

import dev.concierge.models.DecisionQuery;
import dev.concierge.models.EventType;
import java.time.Instant;
import org.apache.pekko.actor.typed.ActorRef;

/** Messages that exist only to exercise the serializer; their ids are in the tests' application.conf. */
final class TestMessages {

  private TestMessages() {}

  /** Carries any registered value through Pekko serialization, the way a message field would. */
  record Carrier(Object payload) implements KryoSerializable {}

  record Reply(String text, ActorRef<String> replyTo) implements KryoSerializable {}

  /** Shaped like engine's commands: a models type, a reply ref and every kind of scalar, some null. */
  record RankRequest(
      DecisionQuery query,
      ActorRef<String> replyTo,
      EventType trigger,
      Instant sentAt,
      int attempt,
      boolean urgent,
      double weight,
      Double budget,
      Integer page)
      implements KryoSerializable {}
}
