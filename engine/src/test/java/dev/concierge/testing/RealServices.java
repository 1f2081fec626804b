package dev.concierge.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * {@code count} free ports, all different: held open together while they are picked, since a port freed
   * and asked for again can come back (the kernel hands out ephemeral ports in turn, and wraps).
   */
  public static int[] freePorts(int count) {
    List<ServerSocket> held = new ArrayList<>(count);
    try {
      for (int i = 0; i < count; i++) {
        held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
    } catch (IOException e) {
      throw new IllegalStateException("not " + count + " free ports on 127.0.0.1", e);
    } finally {
      for (ServerSocket socket : held) {
        try {
          socket.close();
        } catch (IOException e) {
          // a socket that cannot close leaves its port taken, which the node's bind then reports
        }
      }
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
