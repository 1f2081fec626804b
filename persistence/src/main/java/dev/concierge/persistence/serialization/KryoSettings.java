package dev.concierge.persistence.serialization;

import com.typesafe.config.Config;

/** {@code concierge.kryo}, read once when the serializer starts. */
record KryoSettings(int poolCapacity, int initialBufferBytes, int maxBufferBytes, RegistrationTable registrations) {

  static KryoSettings fromConfig(Config config, ClassLoader classLoader) {
    Config kryo = config.getConfig("concierge.kryo");
    return new KryoSettings(
        kryo.getInt("pool-capacity"),
        Math.toIntExact(kryo.getBytes("buffer.initial-size")),
        Math.toIntExact(kryo.getBytes("buffer.max-size")),
        RegistrationTable.fromConfig(config, classLoader));
  }
}
