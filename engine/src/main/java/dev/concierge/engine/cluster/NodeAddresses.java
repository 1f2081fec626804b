package dev.concierge.engine.cluster;

import dev.concierge.models.SafeText;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.AddressFromURIString;

/** A member's address as an operator writes it, such as {@code pekko://concierge@127.0.0.1:2551}. */
final class NodeAddresses {

  private NodeAddresses() {}

  /** @throws ClusterAdminException {@code BAD_ADDRESS} when the text is not written as an address */
  static Address parse(String address) {
    try {
      return AddressFromURIString.parse(address);
    } catch (Exception notAnAddress) {
      // Pekko throws java.net.MalformedURLException, which it does not declare, for text without a scheme
      throw new ClusterAdminException(ClusterAdminException.Reason.BAD_ADDRESS,
          "'" + SafeText.of(address) + "' is not a node address; give one like pekko://concierge@127.0.0.1:2551");
    }
  }
}
