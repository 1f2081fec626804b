package dev.concierge.offline.replay;

/**
 * One journal row as a read hands it over: its persistence id, partition and sequence number, and
 * its payload decoded, or an {@link Undecodable} saying why it could not be.
 */
record StoredEvent(String persistenceId, long partitionNr, long sequenceNr, Object event) {

  /** A payload the serializers could not read. */
  record Undecodable(String reason) {}
}
