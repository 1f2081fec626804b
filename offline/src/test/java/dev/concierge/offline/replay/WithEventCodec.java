package dev.concierge.offline.replay;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that turn events into journal payloads and back, through an actor system's serializers. */
abstract class WithEventCodec {

  private static ActorTestKit kit;
  static EventCodec codec;

  @BeforeAll
  static void startSerialization() {
    kit = ActorTestKit.create();
    codec = new EventCodec(kit.system());
  }

  @AfterAll
  static void stopSerialization() {
    kit.shutdownTestKit();
  }
}
