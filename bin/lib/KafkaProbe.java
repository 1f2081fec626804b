import java.util.Collection;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.Node;

/**
 * Readiness probe for bin/concierge (compiled once by bin/lib/kafka.sh against the broker's classpath).
 * Loops until a Metadata request (listTopics) and DescribeCluster both succeed, the deadline passes,
 * or the broker process disappears.
 *
 * Usage: KafkaProbe BOOTSTRAP TIMEOUT_SECONDS [BROKER_PID]
 * Exit: 0 ready (prints one summary line on stdout), 1 timed out, 2 broker process exited.
 */
public class KafkaProbe {
  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    long deadline = System.currentTimeMillis() + Long.parseLong(args[1]) * 1000L;
    long pid = args.length > 2 ? Long.parseLong(args[2]) : -1;

    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
    p.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "50");
    p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");

    Exception last = null;
    try (Admin admin = Admin.create(p)) {
      while (true) {
        if (pid > 0 && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          System.err.println("broker process " + pid + " exited");
          System.exit(2);
        }
        try {
          Set<String> topics = admin.listTopics(new ListTopicsOptions().timeoutMs(3000)).names().get();
          DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
          Collection<Node> nodes = cluster.nodes().get();
          if (!nodes.isEmpty()) {
            System.out.println("cluster " + cluster.clusterId().get() + ", " + nodes.size() + " broker, "
                + topics.size() + " topics");
            return;
          }
        } catch (Exception e) {
          last = e;
        }
        if (System.currentTimeMillis() > deadline) {
          System.err.println("not ready: " + last);
          System.exit(1);
        }
        Thread.sleep(100);
      }
    }
  }
}
