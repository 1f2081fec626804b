package dev.concierge.tools.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a node listens, as its HOCON files and the environment it is started with say. */
class NodePortsTest {

  @Test
  void theLocalNodesHaveTheirFilesOwnPorts() {
    List<NodePorts> nodes = LocalNodes.all();

    assertEquals(3, nodes.size());
    for (int n = 1; n <= nodes.size(); n++) {
      Config file = ConfigFactory.load("local" + n);
      NodePorts node = nodes.get(n - 1);
      assertEquals("local" + n, node.name());
      assertEquals(file.getInt("concierge.http.port"), node.httpPort());
      assertEquals(file.getInt("pekko.remote.artery.canonical.port"), node.remotePort());
      assertEquals(file.getInt("pekko.management.http.port"), node.managementPort());
      assertEquals("http://127.0.0.1:" + node.httpPort(), node.httpUrl().toString());
      assertEquals("pekko://concierge@127.0.0.1:" + node.remotePort(), node.address());
    }
  }

  @Test
  void devFollowsThePortVariablesAsTheNodeWould() {
    NodePorts dev = NodePorts.of("dev", Map.of("CONCIERGE_HTTP_PORT", "18123", "CONCIERGE_REMOTE_PORT", "12551",
        "CONCIERGE_MANAGEMENT_PORT", "18558"));

    assertEquals(List.of(18123, 12551, 18558), List.of(dev.httpPort(), dev.remotePort(), dev.managementPort()));
  }
}
