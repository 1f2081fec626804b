package dev.concierge.persistence.serialization;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code concierge.kryo.registrations}: every class Kryo may write, with the fixed id that stands for
 * it in every message and journal row. Checked as a whole when the serializer starts, so that a clash
 * stops the node instead of corrupting data later.
 */
record RegistrationTable(List<Entry> entries) {

  static final String PATH = "concierge.kryo.registrations";

  /** Kryo's built-in registrations (primitives and String) take 0-9; the ids up to 99 stay free for it. */
  static final int LOWEST_ID = 100;

  record Entry(Class<?> type, int id) {}

  RegistrationTable {
    entries = List.copyOf(entries);
  }

  static RegistrationTable fromConfig(Config config, ClassLoader classLoader) {
    ConfigObject table = config.getObject(PATH);
    Config ids = table.toConfig();
    Map<Integer, String> classById = new HashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, ConfigValue> row : table.entrySet()) {
      String className = row.getKey();
      ConfigValue value = row.getValue();
      String path = PATH + "." + ConfigUtil.joinPath(className);
      if (value.valueType() != ConfigValueType.NUMBER) {
        throw new ConfigException.BadValue(value.origin(), path,
            "expected a registration id; quote class names (\"dev.concierge.models.EventRecorded\" = 100),"
                + " or HOCON splits them at the dots");
      }
      int id = ids.getInt(ConfigUtil.joinPath(className));
      if (id < LOWEST_ID) {
        throw new ConfigException.BadValue(value.origin(), path,
            "id " + id + " is below " + LOWEST_ID + ", which Kryo keeps for its own registrations");
      }
      String holder = classById.putIfAbsent(id, className);
      if (holder != null) {
        throw new ConfigException.BadValue(value.origin(), path,
            "id " + id + " is also given to " + holder + "; every class needs an id of its own, forever");
      }
      entries.add(new Entry(load(className, classLoader, value, path), id));
    }
    entries.sort(Comparator.comparingInt(Entry::id));
    return new RegistrationTable(entries);
  }

  /** Fails unless each of {@code types} has an id. */
  void requireIdsFor(Collection<Class<?>> types) {
    Set<Class<?>> registered = entries.stream().map(Entry::type).collect(Collectors.toSet());
    List<String> missing =
        types.stream().filter(type -> !registered.contains(type)).map(Class::getName).sorted().toList();
    if (!missing.isEmpty()) {
      throw new ConfigException.BadValue(PATH, "no id for " + String.join(", ", missing)
          + ", which the Kryo serializer writes with its own serializers");
    }
  }

  private static Class<?> load(String className, ClassLoader classLoader, ConfigValue value, String path) {
    try {
      return Class.forName(className, false, classLoader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ConfigException.BadValue(value.origin(), path,
          "class " + className + " cannot be loaded (" + e + "); fix the name or drop the registration", e);
    }
  }
}
