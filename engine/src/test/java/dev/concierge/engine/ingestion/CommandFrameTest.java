package dev.concierge.engine.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.CustomerEntity.SourcedEvent;
import dev.concierge.models.KafkaSource;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.persistence.json.ParsedEvent;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A customer's batch of the largest events the contract allows, each with its source, written the way Kryo grows most
 * (characters outside the BMP, or a context of numbers that their written form makes 2.5 times longer),
 * split as ingestion splits it: every command, serialized as remoting sends it, fits the configured
 * frame with room for the envelope around it.
 */
@ExtendWith(TestKitJUnit5Extension.class)
class CommandFrameTest {

  // the sharding envelope and Artery's header around a command: the entity id and a few actor paths
  private static final int ENVELOPE_BYTES = 2 * 1024;
  private static final String OUTSIDE_THE_BMP = "\uD83D\uDE00";
  private static final int EVENTS = 32;

  @JUnit5TestKit ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  private final EventJson json = new EventJson(new ObjectMapper());

  @Test
  void everyCommandOfTheLargestEventsFitsOneRemotingFrame() {
    IngestionSettings settings = IngestionSettings.fromConfig(testKit.system().settings().config());
    CustomerGroups groups = new CustomerGroups(settings.perCommand(), json::writtenSize);
    for (int i = 0; i < EVENTS; i++) {
      byte[] record = largestRecord("e-" + i);
      assertTrue(json.parse(record) instanceof ParsedEvent.Valid, "a valid event of " + record.length + " bytes");
      groups.add(sourced(record, i));
    }

    assertTrue(groups.groups().size() > 1, "the byte budget split the batch");
    assertEveryCommandFitsTheFrame(groups);
  }

  @Test
  void eventsWhoseContextOfNumbersGrowsAsWrittenAreMeasuredAsWrittenSoTheirCommandsFitTheFrame() {
    IngestionSettings settings = IngestionSettings.fromConfig(testKit.system().settings().config());
    CustomerGroups groups = new CustomerGroups(settings.perCommand(), json::writtenSize);
    for (int i = 0; i < 2; i++) {
      byte[] record = numbersRecord("n-" + i);
      groups.add(sourced(record, i));
    }

    assertEquals(2, groups.groups().size(), "each goes alone: as written, either fills most of the budget");
    assertEveryCommandFitsTheFrame(groups);
  }

  @Test
  void measuredByTheirRecordsTheSameEventsWouldMakeOneCommandLargerThanTheFrame() {
    IngestionSettings settings = IngestionSettings.fromConfig(testKit.system().settings().config());
    Map<String, Integer> recordBytes = new HashMap<>();
    CustomerGroups byRecord = new CustomerGroups(settings.perCommand(), event -> recordBytes.get(event.eventId()));
    for (int i = 0; i < 2; i++) {
      byte[] record = numbersRecord("n-" + i);
      recordBytes.put("n-" + i, record.length);
      byRecord.add(sourced(record, i));
    }

    assertEquals(1, byRecord.groups().size(), "two records within the budget");
    assertTrue(serializedBytes(byRecord.groups().get(0)) > frame());
  }

  @Test
  void withoutTheByteBudgetTheSameBatchWouldNotFit() {
    CustomerGroups byCountOnly = new CustomerGroups(new CommandLimits(EVENTS, Integer.MAX_VALUE), json::writtenSize);
    for (int i = 0; i < EVENTS; i++) {
      byCountOnly.add(sourced(largestRecord("e-" + i), i));
    }

    assertEquals(1, byCountOnly.groups().size());
    assertTrue(serializedBytes(byCountOnly.groups().get(0)) > frame());
  }

  private void assertEveryCommandFitsTheFrame(CustomerGroups groups) {
    for (List<SourcedEvent> group : groups.groups()) {
      int serialized = serializedBytes(group);
      assertTrue(serialized + ENVELOPE_BYTES <= frame(),
          group.size() + " events serialize to " + serialized + " bytes, for a frame of " + frame());
    }
  }

  // as remoting sends the command to a customer on another node
  private int serializedBytes(List<SourcedEvent> group) {
    CustomerEntity.RecordEvents command =
        new CustomerEntity.RecordEvents(group, testKit.createTestProbe(CustomerEntity.EventAcks.class).ref());
    return SerializationExtension.get(testKit.system()).serialize(command).get().length;
  }

  private long frame() {
    return testKit.system().settings().config().getBytes("pekko.remote.artery.advanced.maximum-frame-size");
  }

  // at the largest partition and offsets, which Kryo writes in the most bytes
  private SourcedEvent sourced(byte[] record, int i) {
    return new SourcedEvent(
        ((ParsedEvent.Valid) json.parse(record)).event(), new KafkaSource(Integer.MAX_VALUE, Long.MAX_VALUE - i));
  }

  /**
   * An event record just under the contract's limit whose context is numbers in their shortest form: each
   * {@code 1e6} (3 bytes) is kept as {@code 1000000.0} (9), so the event as written is about 2.5 times the record.
   */
  private static byte[] numbersRecord(String eventId) {
    String event = "{\"eventId\":\"" + eventId + "\",\"customerId\":\"c-1\",\"type\":\"view\",\"itemId\":\"sku-1\","
        + "\"timestamp\":\"2026-11-26T10:00:00Z\",\"context\":{\"n\":[%s]}}";
    int overhead = String.format(event, "").getBytes(StandardCharsets.UTF_8).length;
    int numbers = (EventJson.MAX_EVENT_BYTES - overhead) / "1e6,".length();
    byte[] record = String.format(event, String.join(",", Collections.nCopies(numbers, "1e6"))).getBytes(StandardCharsets.UTF_8);
    assertTrue(record.length <= EventJson.MAX_EVENT_BYTES, record.length + " bytes");
    return record;
  }

  /**
   * An event record as close to the contract's limit as characters outside the BMP allow, in raw UTF-8
   * as a producer may send it (4 bytes each, where Kryo takes 6; Jackson would write 12-byte escapes).
   */
  private static byte[] largestRecord(String eventId) {
    String event = "{\"eventId\":\"" + eventId + "\",\"customerId\":\"c-1\",\"type\":\"view\",\"itemId\":\"sku-1\","
        + "\"timestamp\":\"2026-11-26T10:00:00Z\",\"context\":{\"note\":\"%s\"}}";
    int overhead = String.format(event, "").getBytes(StandardCharsets.UTF_8).length;
    int characters = (EventJson.MAX_EVENT_BYTES - overhead) / OUTSIDE_THE_BMP.getBytes(StandardCharsets.UTF_8).length;
    return String.format(event, OUTSIDE_THE_BMP.repeat(characters)).getBytes(StandardCharsets.UTF_8);
  }
}
