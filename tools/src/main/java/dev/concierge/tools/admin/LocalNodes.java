package dev.concierge.tools.admin;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three-node layout of {@code bin/concierge cluster} (local1..3.conf): node N has Pekko remoting
 * on 127.0.0.1:255N and HTTP on 127.0.0.1:808N, so a local member's address tells its HTTP URL.
 */
final class LocalNodes {

  static final String HOST = "127.0.0.1";
  private static final int REMOTE_PORT_BASE = 2550;
  private static final int HTTP_PORT_BASE = 8080;
  // the port patterns 255N and 808N leave room for one digit
  private static final Pattern NAME = Pattern.compile("local([1-9])");
  private static final Pattern LOCAL_ADDRESS = Pattern.compile(".*@" + Pattern.quote(HOST) + ":255([1-9])");

  private LocalNodes() {}

  /** {@code local2} -> {@code 127.0.0.1:2552}; empty for anything else. */
  static Optional<String> hostPort(String name) {
    Matcher matcher = NAME.matcher(name);
    return matcher.matches() ? Optional.of(HOST + ":" + (REMOTE_PORT_BASE + number(matcher))) : Optional.empty();
  }

  /** {@code pekko://concierge@127.0.0.1:2552} -> {@code http://127.0.0.1:8082}; empty for a non-local address. */
  static Optional<URI> httpUrl(String address) {
    Matcher matcher = LOCAL_ADDRESS.matcher(address);
    return matcher.matches()
        ? Optional.of(URI.create("http://" + HOST + ":" + (HTTP_PORT_BASE + number(matcher))))
        : Optional.empty();
  }

  private static int number(Matcher matcher) {
    return Integer.parseInt(matcher.group(1));
  }
}
