package dev.concierge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.engine.kafka.KafkaTopics;
import dev.concierge.engine.kafka.TopicSpec;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DemoCatalog;
import dev.concierge.models.simulation.ShopperSimulation;
import dev.concierge.models.simulation.SimulationSettings;
import dev.concierge.persistence.json.EventJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code bin/concierge simulate}: synthetic shoppers ({@link ShopperSimulation}) over the demo
 * catalog, written as {@code customer-events} JSON lines to a file or produced to Kafka.
 */
public final class Simulate {

  static final String USAGE = """
      Usage: bin/concierge simulate --customers N --events M --seed S (--out FILE.jsonl | --kafka) [options]

      Synthetic shoppers on the demo catalog (the one `bin/concierge dev` loads). Each has favourite
      categories, a price level and an activity rate; they browse in sessions along hidden clusters of
      related items and go down the view, click, add_to_cart, purchase funnel. The same arguments give
      the same events, in time order, with ids sim-<seed>-<n> and customers sim-c-<n>.

        --customers N   shoppers in the population (1 or more)
        --events M      exactly this many events (1 or more)
        --seed S        any integer; the same seed gives the same shoppers and events
        --out FILE      one customer-events JSON object per line into FILE (replaced if it exists)
        --kafka         produce to the customer-events topic, keyed by customerId; Kafka at
                        CONCIERGE_KAFKA_BOOTSTRAP (default 127.0.0.1:9092), topic created if missing
        --rate R        a steady R events per second (default: as fast as possible)
        --start ISO     the simulated period's first instant (default 2026-10-01T00:00:00Z)
        --days D        the simulated period's length in days (default 30)
        --help          this text

      Progress goes to stderr, the summary to stdout. Exit code 0 when done, 1 on failure, 2 for bad arguments.
      """;

  static final int DONE = 0;
  static final int FAILED = 1;
  static final int BAD_ARGUMENTS = 2;
  private static final double NANOS_PER_SECOND = 1e9;

  private Simulate() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, Progress.stderrIsTerminal()));
  }

  /** The whole command; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err, boolean errIsTerminal) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      out.print(USAGE);
      return DONE;
    }
    Config config = ConfigFactory.load();
    Arguments arguments;
    ShopperSimulation simulation;
    try {
      arguments = Arguments.parse(args);
      simulation = ShopperSimulation.of(arguments.settings(), demoCatalog(config));
    } catch (UsageException | IllegalArgumentException e) {
      err.println("simulate: " + e.getMessage());
      err.println();
      err.print(USAGE);
      return BAD_ARGUMENTS;
    }
    try {
      long started = System.nanoTime();
      try (EventSink sink = arguments.destination().open(config)) {
        Progress progress = new Progress(arguments.settings().events(), err, errIsTerminal);
        stream(simulation, sink, Pacer.of(arguments.rate()), progress);
      }
      SimulationSettings settings = arguments.settings();
      out.printf(
          Locale.ROOT,
          "%s %,d events of %,d customers (seed %d, %s..%s) %s in %.1f s%n",
          arguments.destination().verb(),
          settings.events(),
          settings.customers(),
          settings.seed(),
          settings.start(),
          settings.end(),
          arguments.destination().describe(config),
          (System.nanoTime() - started) / NANOS_PER_SECOND);
      return DONE;
    } catch (IOException | UncheckedIOException | IllegalStateException | KafkaException e) {
      err.println("simulate: " + arguments.destination().failure(e, config));
      return FAILED;
    }
  }

  private static List<CatalogItem> demoCatalog(Config config) {
    Config demo = config.getConfig("concierge.dev.demo-catalog");
    return DemoCatalog.generate(demo.getInt("items"), demo.getLong("seed"));
  }

  private static void stream(ShopperSimulation simulation, EventSink sink, Pacer pacer, Progress progress)
      throws IOException {
    EventJson json = new EventJson(new ObjectMapper());
    Iterator<CustomerEvent> events = simulation.events();
    long sent = 0;
    while (events.hasNext()) {
      pacer.awaitTurn(sent);
      CustomerEvent event = events.next();
      sink.accept(event.customerId(), json.write(event));
      progress.update(++sent);
    }
    progress.finish(sent);
  }

  /** A command line that cannot work; the message says what to fix. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  /** @param rate events per second, or empty for as fast as possible */
  record Arguments(SimulationSettings settings, Destination destination, OptionalDouble rate) {

    private static final Set<String> VALUED =
        Set.of("--customers", "--events", "--seed", "--out", "--rate", "--start", "--days");

    /** Options as {@code --name value} or {@code --name=value}; {@code --kafka} takes none. */
    static Arguments parse(String... args) throws UsageException {
      Map<String, String> values = new LinkedHashMap<>();
      boolean kafka = false;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--kafka")) {
          kafka = true;
          continue;
        }
        int equals = arg.indexOf('=');
        String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
        if (!VALUED.contains(name)) {
          throw new UsageException(arg.startsWith("-") ? "unknown option " + arg : "unexpected argument '" + arg + "'");
        }
        String value;
        if (equals > 0 && arg.startsWith("--")) {
          value = arg.substring(equals + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw new UsageException(name + " needs a value");
        }
        if (values.put(name, value) != null) {
          throw new UsageException(name + " is given twice");
        }
      }
      Destination destination = destination(values.get("--out"), kafka);
      SimulationSettings settings;
      try {
        settings = new SimulationSettings(
            (int) positive(values, "--customers", Integer.MAX_VALUE),
            positive(values, "--events", Long.MAX_VALUE),
            number(required(values, "--seed"), "--seed"),
            start(values.getOrDefault("--start", SimulationSettings.DEFAULT_START.toString())),
            Duration.ofDays(values.containsKey("--days")
                ? positive(values, "--days", Integer.MAX_VALUE)
                : SimulationSettings.DEFAULT_DURATION.toDays()));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      return new Arguments(settings, destination, rate(values.get("--rate")));
    }

    private static Destination destination(String out, boolean kafka) throws UsageException {
      if (out != null && kafka) {
        throw new UsageException("give either --out FILE or --kafka, not both");
      }
      if (out == null && !kafka) {
        throw new UsageException("where to? Give --out FILE.jsonl or --kafka");
      }
      if (kafka) {
        return new KafkaTopic();
      }
      if (out.isBlank()) {
        throw new UsageException("--out needs a file name");
      }
      return new JsonLinesFile(Path.of(out));
    }

    private static String required(Map<String, String> values, String name) throws UsageException {
      String value = values.get(name);
      if (value == null) {
        throw new UsageException("missing " + name);
      }
      return value;
    }

    private static long number(String value, String name) throws UsageException {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new UsageException(name + " must be a whole number, was '" + value + "'");
      }
    }

    private static long positive(Map<String, String> values, String name, long max) throws UsageException {
      long value = number(required(values, name), name);
      if (value < 1 || value > max) {
        throw new UsageException(name + " must be between 1 and " + max + ", was " + value);
      }
      return value;
    }

    private static Instant start(String value) throws UsageException {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new UsageException(
            "--start must be an ISO-8601 instant such as 2026-10-01T00:00:00Z, was '" + value + "'");
      }
    }

    private static OptionalDouble rate(String value) throws UsageException {
      if (value == null) {
        return OptionalDouble.empty();
      }
      try {
        double rate = Double.parseDouble(value);
        if (rate > 0 && Double.isFinite(rate)) {
          return OptionalDouble.of(rate);
        }
      } catch (NumberFormatException e) {
        // reported below, like any other unusable rate
      }
      throw new UsageException("--rate must be a number of events per second above 0, was '" + value + "'");
    }
  }

  /** Where the events go. */
  sealed interface Destination permits JsonLinesFile, KafkaTopic {

    EventSink open(Config config) throws IOException;

    /** For the summary: "wrote", "produced". */
    String verb();

    /** For the summary: "to /tmp/x.jsonl". */
    String describe(Config config);

    /** What went wrong, and what to check. */
    String failure(Exception error, Config config);
  }

  record JsonLinesFile(Path path) implements Destination {

    @Override
    public EventSink open(Config config) throws IOException {
      return new FileSink(path);
    }

    @Override
    public String verb() {
      return "wrote";
    }

    @Override
    public String describe(Config config) {
      return "to " + path;
    }

    @Override
    public String failure(Exception error, Config config) {
      String reason = error instanceof NoSuchFileException
          ? "its directory does not exist"
          : error instanceof AccessDeniedException ? "permission denied" : error.getMessage();
      return "cannot write " + path + ": " + reason;
    }
  }

  record KafkaTopic() implements Destination {

    @Override
    public EventSink open(Config config) {
      return KafkaSink.open(KafkaSettings.fromConfig(config.getConfig("concierge")));
    }

    @Override
    public String verb() {
      return "produced";
    }

    @Override
    public String describe(Config config) {
      KafkaSettings kafka = KafkaSettings.fromConfig(config.getConfig("concierge"));
      return "to Kafka topic " + kafka.eventsTopic() + " at " + kafka.bootstrapServers();
    }

    @Override
    public String failure(Exception error, Config config) {
      String bootstrap = KafkaSettings.fromConfig(config.getConfig("concierge")).bootstrapServers();
      return error.getMessage() + "; is Kafka running at " + bootstrap + "? (bin/concierge services start)";
    }
  }

  /** Takes each event's key and JSON value; closing makes sure everything arrived. */
  interface EventSink extends AutoCloseable {

    void accept(String customerId, byte[] json) throws IOException;

    @Override
    void close() throws IOException;
  }

  static final class FileSink implements EventSink {

    private static final int BUFFER_BYTES = 1 << 16;
    private static final int NEWLINE = '\n';

    private final OutputStream out;

    FileSink(Path path) throws IOException {
      this.out = new BufferedOutputStream(Files.newOutputStream(path), BUFFER_BYTES);
    }

    @Override
    public void accept(String customerId, byte[] json) throws IOException {
      out.write(json);
      out.write(NEWLINE);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** Produces to {@code customer-events}, keyed by customer so that each shopper's events stay in order. */
  static final class KafkaSink implements EventSink {

    /** Batches a little without delaying a paced stream noticeably. */
    private static final int LINGER_MS = 5;

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    private KafkaSink(KafkaProducer<String, byte[]> producer, String topic) {
      this.producer = producer;
      this.topic = topic;
    }

    static KafkaSink open(KafkaSettings kafka) {
      // waits until the partitions answer: the first batch sent to a brand-new topic can vanish (KAFKA-15591)
      KafkaTopics.ensure(
          kafka.bootstrapServers(),
          List.of(TopicSpec.regular(kafka.eventsTopic(), kafka.eventsPartitions())),
          kafka.topicReadyTimeout());
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
      return new KafkaSink(
          new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()), kafka.eventsTopic());
    }

    @Override
    public void accept(String customerId, byte[] json) {
      throwIfFailed();
      producer.send(new ProducerRecord<>(topic, customerId, json), (metadata, error) -> {
        if (error != null) {
          failure.compareAndSet(null, error);
        }
      });
    }

    @Override
    public void close() {
      try {
        producer.flush();
      } finally {
        producer.close();
      }
      throwIfFailed();
    }

    private void throwIfFailed() {
      Exception error = failure.get();
      if (error != null) {
        throw new IllegalStateException("Kafka did not take an event: " + error.getMessage(), error);
      }
    }
  }

  /** Spaces the events evenly at the requested rate, or not at all. */
  static final class Pacer {

    private final double nanosPerEvent;
    private final long startNanos;

    private Pacer(double nanosPerEvent) {
      this.nanosPerEvent = nanosPerEvent;
      this.startNanos = System.nanoTime();
    }

    static Pacer of(OptionalDouble eventsPerSecond) {
      return new Pacer(eventsPerSecond.isPresent() ? NANOS_PER_SECOND / eventsPerSecond.getAsDouble() : 0);
    }

    /** Blocks until event number {@code sent} (from 0) is due. */
    void awaitTurn(long sent) {
      if (nanosPerEvent == 0) {
        return;
      }
      long due = startNanos + (long) (sent * nanosPerEvent);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
    }
  }

  /**
   * Events done out of the total, the rate and the time left, on stderr: a bar redrawn in place on
   * a terminal, occasional plain lines otherwise (a log file, or a pipe), and always a last line.
   */
  static final class Progress {

    private static final long BAR_INTERVAL_NANOS = Duration.ofMillis(200).toNanos();
    private static final long LINE_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();
    private static final int BAR_WIDTH = 30;
    private static final int PERCENT = 100;
    private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    private final long total;
    private final PrintStream err;
    private final boolean terminal;
    private final long startNanos;
    private long nextDrawNanos;

    Progress(long total, PrintStream err, boolean terminal) {
      this.total = total;
      this.err = err;
      this.terminal = terminal;
      this.startNanos = System.nanoTime();
      this.nextDrawNanos = startNanos + interval();
    }

    /** Whether stderr is a terminal; Java tells that only for stdin and stdout, Linux for any descriptor. */
    static boolean stderrIsTerminal() {
      try {
        String target = Files.readSymbolicLink(STDERR_LINK).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | UnsupportedOperationException e) {
        return false;
      }
    }

    void update(long done) {
      long now = System.nanoTime();
      if (now >= nextDrawNanos) {
        draw(done, now);
        nextDrawNanos = now + interval();
      }
    }

    void finish(long done) {
      draw(done, System.nanoTime());
      if (terminal) {
        err.println();
      }
    }

    private void draw(long done, long now) {
      double seconds = Math.max(now - startNanos, 1) / NANOS_PER_SECOND;
      double rate = done / seconds;
      String eta = done == total ? "done" : rate > 0 ? "ETA " + duration((total - done) / rate) : "ETA ?";
      long percent = done * PERCENT / Math.max(total, 1);
      String numbers =
          String.format(Locale.ROOT, "%3d%% %,d/%,d events  %,.0f events/s  %s", percent, done, total, rate, eta);
      if (terminal) {
        int filled = (int) (BAR_WIDTH * done / Math.max(total, 1));
        err.print("\r[simulate] [" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + numbers + "  ");
      } else {
        err.println("[simulate] " + numbers);
      }
      err.flush();
    }

    private long interval() {
      return terminal ? BAR_INTERVAL_NANOS : LINE_INTERVAL_NANOS;
    }

    private static String duration(double seconds) {
      Duration left = Duration.ofSeconds(Math.round(seconds));
      if (left.toHours() > 0) {
        return String.format(Locale.ROOT, "%dh%02dm", left.toHours(), left.toMinutesPart());
      }
      if (left.toMinutes() > 0) {
        return String.format(Locale.ROOT, "%dm%02ds", left.toMinutes(), left.toSecondsPart());
      }
      return left.toSeconds() + "s";
    }
  }
}
