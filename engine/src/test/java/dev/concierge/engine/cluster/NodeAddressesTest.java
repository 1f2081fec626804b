package dev.concierge.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.pekko.actor.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An operator's text that is not an address is the operator's mistake (a 400), never a server fault. */
class NodeAddressesTest {

  @Test
  void anAddressAsOperatorsWriteItParses() {
    assertEquals(new Address("pekko", "concierge", "127.0.0.1", 2551), NodeAddresses.parse("pekko://concierge@127.0.0.1:2551"));
  }

  // text without a scheme made Pekko throw java.net.MalformedURLException, which escaped as a 500
  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"aaaaaaaa", "local2", "", "pekko://", "pekko://concierge@host:notaport", "://x"})
  void textThatIsNotAnAddressIsABadAddressSaidSafely(String text) {
    ClusterAdminException error = assertThrows(ClusterAdminException.class, () -> NodeAddresses.parse(text));

    assertEquals(ClusterAdminException.Reason.BAD_ADDRESS, error.reason());
    assertTrue(error.getMessage().contains("pekko://concierge@127.0.0.1:2551"), error.getMessage());
  }
}
