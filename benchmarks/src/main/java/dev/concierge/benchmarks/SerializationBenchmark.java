package dev.concierge.benchmarks;

import com.typesafe.config.ConfigFactory;
import dev.concierge.benchmarks.serialization.Codecs;
import dev.concierge.benchmarks.serialization.Format;
import dev.concierge.benchmarks.serialization.MessageCodec;
import dev.concierge.benchmarks.serialization.MessageKind;
import dev.concierge.benchmarks.serialization.RoundTrip;
import dev.concierge.benchmarks.serialization.SampleMessages;
import dev.concierge.benchmarks.serialization.SizeSummary;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Our Kryo serializer against Jackson CBOR and Java serialization, on the journal event, the snapshot of a
 * customer holding the standard feature set, and the reply to a decision ({@link SampleMessages}). Each
 * operation writes, or reads back, one message; the operations cycle through {@link SampleMessages#COUNT}
 * different messages. Setup fails unless every message comes back equal, and prints the bytes per message
 * ({@code SerializedSizes} prints them for every format at once).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SerializationBenchmark extends BenchmarkBase {

  private static final int LAST_SAMPLE = SampleMessages.COUNT - 1;

  @Param({"KRYO", "JACKSON_CBOR", "JAVA_SERIALIZATION"})
  public Format format;

  @Param({"EVENT_RECORDED", "CUSTOMER_SNAPSHOT", "DECISION"})
  public MessageKind message;

  private Codecs codecs;
  private MessageCodec codec;
  private Object[] values;
  private byte[][] serialized;
  private int next;

  @Setup
  public void writeAndCheckSamples() {
    codecs = new Codecs();
    codec = codecs.codec(format, message);
    List<Object> samples = SampleMessages.of(message, ConfigFactory.load().getConfig("concierge"));
    values = samples.toArray();
    serialized = RoundTrip.verify(codec, samples);
    System.out.println("bytes per message, " + format + " " + message + ": " + SizeSummary.of(serialized));
  }

  @TearDown
  public void stopActorSystem() {
    codecs.close();
  }

  @Benchmark
  public byte[] serialize() {
    return codec.toBinary(values[nextSample()]);
  }

  @Benchmark
  public Object deserialize() {
    return codec.fromBinary(serialized[nextSample()]);
  }

  private int nextSample() {
    next = (next + 1) & LAST_SAMPLE;
    return next;
  }

  public static void main(String[] args) {
    System.exit(command(SerializationBenchmark.class).execute(args));
  }
}
