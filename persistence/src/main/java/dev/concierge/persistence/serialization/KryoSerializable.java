package dev.concierge.persistence.serialization;

/**
 * Marks a message that Pekko serializes with Kryo (bound in this module's reference.conf). The class
 * also needs a fixed id in {@code concierge.kryo.registrations}, or the node refuses to send it.
 */
public interface KryoSerializable {}
