package dev.concierge.benchmarks;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Function;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * What the harness's picocli commands share: the version {@code --version} prints and the converters of
 * their option values. A value that does not convert is a usage error (exit 2) that says what is wrong.
 */
public final class Cli {

  private static final String VERSION_FILE = "version.properties";

  private Cli() {}

  /** The Maven project's version, from a resource the build filters. */
  public static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties properties = new Properties();
      try (InputStream in = Cli.class.getResourceAsStream(VERSION_FILE)) {
        if (in == null) {
          throw new IllegalStateException(VERSION_FILE + " is not on the classpath: build the benchmarks with Maven");
        }
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new String[] {"Concierge benchmarks " + properties.getProperty("version")};
    }
  }

  /**
   * A converter from a parse function; its {@link IllegalArgumentException} becomes the usage error's message.
   *
   * @param <T> what the option holds
   */
  public abstract static class Parsed<T> implements ITypeConverter<T> {
    private final Function<String, T> parse;

    protected Parsed(Function<String, T> parse) {
      this.parse = parse;
    }

    @Override
    public T convert(String text) {
      try {
        return parse.apply(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A whole number of 1 or more. */
  public static final class Positive extends Parsed<Integer> {
    public Positive() {
      super(text -> atLeast(1, text));
    }
  }

  /** A whole number of 0 or more. */
  public static final class NotNegative extends Parsed<Integer> {
    public NotNegative() {
      super(text -> atLeast(0, text));
    }
  }

  /** A duration as the configuration files write one: {@code 30s}, {@code 500ms}, {@code 2m}. */
  public static final class DurationValue extends Parsed<Duration> {
    public DurationValue() {
      super(Cli::duration);
    }
  }

  /** How {@link DurationValue} reads a duration back: whole milliseconds. */
  public static String format(Duration duration) {
    return duration.toMillis() + "ms";
  }

  private static int atLeast(int least, String text) {
    int number;
    try {
      number = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number", e);
    }
    if (number < least) {
      throw new IllegalArgumentException("must be " + least + " or more, not " + number);
    }
    return number;
  }

  // the configuration's own syntax, but with a unit: a bare number would be milliseconds there
  private static Duration duration(String text) {
    String problem = "'" + text + "' is not a duration such as 30s, 500ms or 2m";
    Duration duration;
    try {
      duration = ConfigFactory.empty().withValue("d", ConfigValueFactory.fromAnyRef(text)).getDuration("d");
    } catch (ConfigException e) {
      throw new IllegalArgumentException(problem, e);
    }
    if (duration.isNegative() || text.strip().chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException(problem);
    }
    return duration;
  }
}
