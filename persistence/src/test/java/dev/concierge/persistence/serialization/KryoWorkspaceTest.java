package dev.concierge.persistence.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Output;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A pooled workspace serves message after message: nothing of one message leaks into the next. */
class KryoWorkspaceTest {

  private static final int BUFFER_BYTES = 64;
  private static final int MAX_BUFFER_BYTES = 4096;
  private static final Instant AT = Instant.parse("2025-05-01T12:00:00.123Z");

  @Test
  void readsAndWritesMessagesOfDifferentLengthsOneAfterAnother() {
    KryoWorkspace workspace = new KryoWorkspace(kryo(), new Output(BUFFER_BYTES, MAX_BUFFER_BYTES));
    EventRecorded longer = new EventRecorded(
        new CustomerEvent("evt-with-a-much-longer-id-than-most-0001", "cust-1", EventType.PURCHASE, "sku-1", AT,
            99.5, 2, "session-1", Map.of("campaign", "a-campaign-name-longer-than-the-buffer-of-32-chars")),
        "tents");
    EventRecorded shorter = new EventRecorded(CustomerEvent.of("e-2", "c-2", EventType.VIEW, "sku-2", AT), null);

    for (EventRecorded recorded : List.of(longer, shorter, longer, shorter)) {
      assertEquals(recorded, workspace.read(workspace.write(recorded)));
    }
  }

  private ConciergeKryo kryo() {
    ClassLoader classLoader = getClass().getClassLoader();
    Config config = ConfigFactory.load();
    Map<Class<?>, Serializer<?>> formats = Map.of(EventRecorded.class, new EventRecordedFormat());
    return new ConciergeKryo(RegistrationTable.fromConfig(config, classLoader), formats, classLoader);
  }
}
