package dev.concierge.persistence.serialization;

import dev.concierge.persistence.serialization.GoldenSamples.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.SerializationExtension;

/**
 * Writes the golden bytes of every persisted type at its current format version, from
 * {@link GoldenSamples}, through the real Pekko serialization. Files already there are kept: they
 * stand for rows that journals already hold.
 *
 * <p>When a format changes: raise its version in its format class (keeping the reader of the old
 * one), add a sample for the new version to {@link GoldenSamples}, then from the repository root run
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -pl models,persistence \
 *     -Dmdep.outputFile=target/test-classpath.txt
 * java -cp "persistence/target/test-classes:persistence/target/classes:$(cat persistence/target/test-classpath.txt)" \
 *     dev.concierge.persistence.serialization.GoldenBytes persistence/src/test/resources/golden
 * </pre>
 *
 * <p>and commit the new {@code <Type>-v<N>.bin} beside the old ones, with a test that it still reads.
 */
final class GoldenBytes {

  private GoldenBytes() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: GoldenBytes <directory of the golden files>");
    }
    Path directory = Path.of(args[0]);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "golden-bytes");
    try {
      for (VersionedFormat<?> format : PersistedFormats.ALL) {
        Golden golden = GoldenSamples.current(format).orElseThrow(() -> new IllegalStateException(
            "add a sample of " + format.type().getSimpleName() + " version " + format.currentVersion()
                + " to GoldenSamples"));
        Path file = directory.resolve(golden.fileName());
        if (Files.exists(file)) {
          System.out.println("kept " + file);
        } else {
          Files.write(file, serialize(system, golden.expected()));
          System.out.println("wrote " + file);
        }
      }
    } finally {
      system.terminate();
    }
  }

  static byte[] serialize(ActorSystem<?> system, Object value) {
    return SerializationExtension.get(system).findSerializerFor(value).toBinary(value);
  }

  static Object deserialize(ActorSystem<?> system, Class<?> type, byte[] bytes) {
    return SerializationExtension.get(system).deserialize(bytes, type).get();
  }
}
