package dev.concierge.persistence.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;

/** A registration table that would mix up classes stops the node before it writes a byte. */
class KryoRegistrationTest {

  private final ClassLoader classLoader = getClass().getClassLoader();

  @Test
  void twoClassesSharingAnIdStopTheNodeFromStarting() {
    Config clash = withRegistrations("\"java.util.TreeMap\" = 100");

    ConfigException failure = assertThrows(ConfigException.class, () -> startNode(clash));

    assertMentions(failure, "id 100 is also given to", "java.util.TreeMap", "dev.concierge.models.EventRecorded");
  }

  @Test
  void aClassThatCannotBeLoadedStopsTheNodeFromStarting() {
    Config unknown = withRegistrations("\"dev.concierge.models.NoSuchEvent\" = 199");

    ConfigException failure = assertThrows(ConfigException.class, () -> startNode(unknown));

    assertMentions(failure, "class dev.concierge.models.NoSuchEvent cannot be loaded");
  }

  @Test
  void idBelowOneHundredIsRefusedBecauseKryoOwnsIt() {
    Config low = withRegistrations("\"java.util.TreeMap\" = 42");

    ConfigException failure = assertThrows(ConfigException.class, () -> RegistrationTable.fromConfig(low, classLoader));

    assertMentions(failure, "id 42 is below 100");
  }

  @Test
  void unquotedClassNameIsRefusedWithAHintToQuoteIt() {
    Config unquoted = withRegistrations("java.util.TreeMap = 198");

    ConfigException failure =
        assertThrows(ConfigException.class, () -> RegistrationTable.fromConfig(unquoted, classLoader));

    assertMentions(failure, "quote class names");
  }

  @Test
  void aHandWrittenTypeWithoutAnIdIsRefused() {
    RegistrationTable table = RegistrationTable.fromConfig(ConfigFactory.load(), classLoader);

    ConfigException failure =
        assertThrows(ConfigException.class, () -> table.requireIdsFor(List.of(java.util.TreeMap.class)));

    assertMentions(failure, "no id for java.util.TreeMap");
  }

  @Test
  void registrationsComeOrderedById() {
    List<Integer> ids = RegistrationTable.fromConfig(ConfigFactory.load(), classLoader).entries().stream()
        .map(RegistrationTable.Entry::id)
        .toList();

    assertEquals(ids.stream().sorted().toList(), ids);
  }

  private static Config withRegistrations(String rows) {
    return ConfigFactory.load(ConfigFactory.parseString("concierge.kryo.registrations { " + rows + " }"));
  }

  // Pekko builds its serializers as the system starts, so a bad table fails ActorSystem.create
  private static void startNode(Config config) {
    ActorSystem.create(Behaviors.empty(), "kryo-registration-test", config).terminate();
  }

  private static void assertMentions(Exception failure, String... parts) {
    for (String part : parts) {
      assertTrue(failure.getMessage().contains(part), () -> "'" + part + "' missing in: " + failure.getMessage());
    }
  }
}
