package dev.concierge.persistence.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.CustomerSnapshot;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.TriggerFired;
import dev.concierge.models.TriggerMemory;
import dev.concierge.persistence.serialization.GoldenSamples.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rows that Cassandra already holds must read with every later build. */
@ExtendWith(TestKitJUnit5Extension.class)
// one instance, so one actor system: the extension shuts down only the kit of the last instance
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoldenBytesTest {

  private static final int BUFFER_BYTES = 256;

  @JUnit5TestKit ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  @Test
  void recordedEventWrittenByVersion1StillReads() {
    assertStillReads(GoldenSamples.EVENT_RECORDED_V1);
  }

  @Test
  void snapshotWrittenByVersion1StillReads() {
    assertStillReads(GoldenSamples.CUSTOMER_SNAPSHOT_V1);
  }

  @Test
  void featuresWrittenByVersion1StillReads() {
    assertStillReads(GoldenSamples.CUSTOMER_FEATURES_V1);
  }

  @Test
  void snapshotWrittenByVersion2StillReads() {
    assertStillReads(GoldenSamples.CUSTOMER_SNAPSHOT_V2);
  }

  @Test
  void featuresWrittenByVersion2StillReads() {
    assertStillReads(GoldenSamples.CUSTOMER_FEATURES_V2);
  }

  @Test
  void recordedEventWithItsKafkaSourceWrittenByVersion2StillReads() {
    assertStillReads(GoldenSamples.EVENT_RECORDED_V2);
  }

  @Test
  void snapshotWithHighWaterMarksWrittenByVersion3StillReads() {
    assertStillReads(GoldenSamples.CUSTOMER_SNAPSHOT_V3);
  }

  @Test
  void recordedEventWithTheOldEventLayoutStillReadsAfterMergesChangedIt() {
    // versions 1 and 2 wrote the event as PartsV1 does, with an item always; version 3 as PartsV5 does
    assertStillReads(GoldenSamples.EVENT_RECORDED_V1);
    assertStillReads(GoldenSamples.EVENT_RECORDED_V2);
  }

  @Test
  void recordedMergeWrittenByVersion3StillReads() {
    assertStillReads(GoldenSamples.EVENT_RECORDED_V3);
  }

  @Test
  void mergedHistoryWrittenByVersion1StillReads() {
    assertStillReads(GoldenSamples.HISTORY_MERGED_V1);
  }

  @Test
  void snapshotWithoutTriggersWrittenByVersion3ReadsWithNothingRemembered() {
    CustomerSnapshot read = (CustomerSnapshot) GoldenBytes.deserialize(
        testKit.system(), CustomerSnapshot.class, goldenBytes(GoldenSamples.CUSTOMER_SNAPSHOT_V3));

    assertEquals(TriggerMemory.NONE, read.triggers());
  }

  @Test
  void snapshotWithTriggerMemoryWrittenByVersion4StillReads() {
    assertStillReads(GoldenSamples.CUSTOMER_SNAPSHOT_V4);
  }

  @Test
  void triggerFiredWrittenByVersion1StillReads() {
    assertStillReads(GoldenSamples.TRIGGER_FIRED_V1);
  }

  @Test
  void aCategoryTriggerWithoutItemsRoundTripsThroughItsCurrentFormat() {
    Object fired = GoldenSamples.CATEGORY_TRIGGER_FIRED_V1.expected();

    assertEquals(fired, GoldenBytes.deserialize(
        testKit.system(), TriggerFired.class, GoldenBytes.serialize(testKit.system(), fired)));
  }

  @Test
  void stockAwaitedWrittenByVersion1StillReads() {
    assertStillReads(GoldenSamples.STOCK_AWAITED_V1);
  }

  @Test
  void snapshotWithMergesAndTriggersWrittenByVersion5StillReads() {
    assertStillReads(GoldenSamples.CUSTOMER_SNAPSHOT_V5);
  }

  @Test
  void snapshotsWrittenBeforeMergesReadWithNone() {
    for (Golden old : List.of(
        GoldenSamples.CUSTOMER_SNAPSHOT_V1, GoldenSamples.CUSTOMER_SNAPSHOT_V2, GoldenSamples.CUSTOMER_SNAPSHOT_V3,
        GoldenSamples.CUSTOMER_SNAPSHOT_V4)) {
      CustomerSnapshot read = (CustomerSnapshot) GoldenBytes.deserialize(testKit.system(), old.type(), goldenBytes(old));
      assertEquals(List.of(), read.mergedFrom(), old.fileName());
      assertEquals(List.of(), read.pendingMerges(), old.fileName());
    }
  }

  @Test
  void everyPersistedTypeHasGoldenBytesOfItsCurrentVersion() {
    for (VersionedFormat<?> format : PersistedFormats.ALL) {
      Golden golden = current(format);
      assertTrue(goldenFileExists(golden), "run GoldenBytes to write " + golden.fileName());
    }
  }

  @Test
  void currentFormatsStillWriteTheCommittedBytes() {
    for (VersionedFormat<?> format : PersistedFormats.ALL) {
      Golden golden = current(format);
      assertArrayEquals(goldenBytes(golden), GoldenBytes.serialize(testKit.system(), golden.expected()),
          golden.fileName() + ": the layout changed under the same version; raise the version instead");
    }
  }

  @Test
  void aRowFromANewerFormatVersionFailsNamingTypeAndVersion() {
    byte[] newerRow = writtenByANewerBuild((EventRecorded) GoldenSamples.EVENT_RECORDED_V1.expected());

    KryoException failure = assertThrows(KryoException.class,
        () -> GoldenBytes.deserialize(testKit.system(), EventRecorded.class, newerRow));

    assertEquals("EventRecorded was written in format version 4, but this build reads only versions [1, 2, 3];"
        + " data from a newer build needs that build", failure.getMessage());
  }

  private void assertStillReads(Golden golden) {
    assertEquals(golden.expected(), GoldenBytes.deserialize(testKit.system(), golden.type(), goldenBytes(golden)));
  }

  private static Golden current(VersionedFormat<?> format) {
    return GoldenSamples.current(format).orElseGet(() -> fail(
        "no sample of " + format.type().getSimpleName() + " version " + format.currentVersion() + " in GoldenSamples"));
  }

  private static boolean goldenFileExists(Golden golden) {
    return GoldenBytesTest.class.getResource(resourceName(golden)) != null;
  }

  private static byte[] goldenBytes(Golden golden) {
    try (InputStream in = GoldenBytesTest.class.getResourceAsStream(resourceName(golden))) {
      if (in == null) {
        return fail("missing " + resourceName(golden) + "; run GoldenBytes");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resourceName(Golden golden) {
    return "/golden/" + golden.fileName();
  }

  private byte[] writtenByANewerBuild(EventRecorded recorded) {
    ClassLoader classLoader = getClass().getClassLoader();
    RegistrationTable table = RegistrationTable.fromConfig(testKit.system().settings().config(), classLoader);
    ConciergeKryo newerKryo = new ConciergeKryo(table, Map.of(EventRecorded.class, new EventRecordedV4()), classLoader);
    Output output = new Output(BUFFER_BYTES);
    newerKryo.writeClassAndObject(output, recorded);
    return output.toBytes();
  }

  /** What a later build might write once EventRecorded gains a field. */
  private static final class EventRecordedV4 extends VersionedFormat<EventRecorded> {

    private static final int V4 = 4;

    EventRecordedV4() {
      super(EventRecorded.class, V4, Map.of(V4, input -> fail("only written here")));
    }

    @Override
    void writeCurrent(Output output, EventRecorded recorded) {
      PartsV5.writeEvent(output, recorded.event());
      output.writeString(recorded.category());
      output.writeString("a field version 3 does not know");
    }
  }
}
