package dev.concierge.benchmarks.load;

import dev.concierge.benchmarks.Cli;
import java.net.URI;

/** A system under test, by name: {@code ours=http://127.0.0.1:18080}. */
record Target(String name, URI uri) {

  /** {@link #parse} as a picocli converter. */
  static final class Converter extends Cli.Parsed<Target> {
    Converter() {
      super(Target::parse);
    }
  }

  static Target parse(String text) {
    int equals = text.indexOf('=');
    if (equals <= 0) {
      throw new IllegalArgumentException("a target is NAME=URL, e.g. ours=http://127.0.0.1:18080, not " + text);
    }
    URI uri = URI.create(text.substring(equals + 1));
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException("a target's URL needs a host and a port: " + text);
    }
    return new Target(text.substring(0, equals), uri);
  }
}
