package dev.concierge.tools.nodes;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a node listens, read from its configuration ({@code -Dconfig.resource=NAME.conf}) as the node
 * itself resolves it: the HOCON files own the ports, the launcher and the admin CLI only ask.
 *
 * @param name the configuration's name, {@code local2} for {@code local2.conf}
 */
public record NodePorts(
    String name, String httpHost, int httpPort, String systemName, String remoteHost, int remotePort,
    int managementPort) {

  private static final String RESOURCE_SUFFIX = ".conf";
  // a variable the files may substitute, such as CONCIERGE_HTTP_PORT; others are left out of the lookup
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** {@code NAME.conf} from the classpath, over the libraries' reference.conf, with {@code environment}'s variables. */
  public static NodePorts of(String name, Map<String, String> environment) {
    Config variables = ConfigFactory.parseMap(environment.entrySet().stream()
        .filter(variable -> VARIABLE_NAME.matcher(variable.getKey()).matches())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "the environment");
    Config config =
        ConfigFactory.parseResources(name + RESOURCE_SUFFIX, ConfigParseOptions.defaults().setAllowMissing(false))
            .withFallback(ConfigFactory.defaultReferenceUnresolved())
            .withFallback(variables)
            .resolve(ConfigResolveOptions.noSystem().setAllowUnresolved(true));
    return new NodePorts(
        name,
        config.getString("concierge.http.interface"),
        config.getInt("concierge.http.port"),
        config.getString("concierge.cluster.system-name"),
        config.getString("pekko.remote.artery.canonical.hostname"),
        config.getInt("pekko.remote.artery.canonical.port"),
        config.getInt("pekko.management.http.port"));
  }

  /** Whether {@code NAME.conf} is on the classpath. */
  static boolean exists(String name) {
    return NodePorts.class.getClassLoader().getResource(name + RESOURCE_SUFFIX) != null;
  }

  /** The node's HTTP API, {@code http://127.0.0.1:8081}. */
  public URI httpUrl() {
    return URI.create("http://" + httpHost + ":" + httpPort);
  }

  /** Its Pekko remoting {@code host:port}, the end of its member address. */
  public String remoteHostPort() {
    return remoteHost + ":" + remotePort;
  }

  /** Its member address, {@code pekko://concierge@127.0.0.1:2551}. */
  public String address() {
    return "pekko://" + systemName + "@" + remoteHostPort();
  }
}
