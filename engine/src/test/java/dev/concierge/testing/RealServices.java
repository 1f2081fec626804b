package dev.concierge.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.InetAddress;

/**
 * The real Kafka and Cassandra that {@code bin/concierge test} started (failsafe passes their
 * addresses as system properties). Tests fail fast, with the fix, when they are not there.
 */
public final class RealServices {

  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

  private RealServices() {}

  public static String kafkaBootstrap() {
    return reachable("concierge.it.kafka.bootstrap", "Kafka");
  }

  public static String cassandraContactPoint() {
    return reachable("concierge.it.cassandra.contact-point", "Cassandra");
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on 127.0.0.1", e);
    }
  }

  private static String reachable(String property, String service) {
    String address = System.getProperty(property, "");
    String[] hostPort = address.split(":");
    if (hostPort.length != 2) {
      throw new IllegalStateException(
          "system property " + property + " is not set; run the integration tests with bin/concierge test");
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), CONNECT_TIMEOUT_MILLIS);
      return address;
    } catch (IOException e) {
      throw new IllegalStateException(
          service + " is not answering on " + address + "; start it with bin/concierge services start,"
              + " or run the suite with bin/concierge test",
          e);
    }
  }
}
