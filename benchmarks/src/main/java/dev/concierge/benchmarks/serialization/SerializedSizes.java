package dev.concierge.benchmarks.serialization;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.benchmarks.Cli;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Prints the bytes per message of every format and message type as a Markdown table, with each format's
 * size relative to Kryo's, after checking that every sample round-trips. The sizes do not vary between
 * runs: the samples are generated from fixed seeds.
 */
@Command(name = "SerializedSizes", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    description = "Prints the bytes per message of every format and message type as a Markdown table, with each"
        + " format's size relative to Kryo's, after checking that every sample round-trips.")
public final class SerializedSizes implements Callable<Integer> {

  public static void main(String[] args) {
    System.exit(new CommandLine(new SerializedSizes()).execute(args));
  }

  @Override
  public Integer call() {
    Config concierge = ConfigFactory.load().getConfig("concierge");
    System.out.println("| message | Kryo | Jackson CBOR | Java serialization | CBOR ÷ Kryo | Java ÷ Kryo |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    try (Codecs codecs = new Codecs()) {
      for (MessageKind kind : MessageKind.values()) {
        List<Object> samples = SampleMessages.of(kind, concierge);
        Map<Format, SizeSummary> sizes = new EnumMap<>(Format.class);
        for (Format format : Format.values()) {
          sizes.put(format, SizeSummary.of(RoundTrip.verify(codecs.codec(format, kind), samples)));
        }
        double kryo = sizes.get(Format.KRYO).mean();
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.2f× | %.2f× |%n", kind,
            sizes.get(Format.KRYO), sizes.get(Format.JACKSON_CBOR), sizes.get(Format.JAVA_SERIALIZATION),
            sizes.get(Format.JACKSON_CBOR).mean() / kryo, sizes.get(Format.JAVA_SERIALIZATION).mean() / kryo);
      }
    }
    return 0;
  }
}
