package dev.concierge.offline.replay;

/**
 * One journal row as a read hands it over: its persistence id, partition and sequence number, its
 * payload decoded (or an {@link Undecodable} saying why it could not be), and the payload's bytes,
 * which the sort keeps instead of the decoded event.
 */
record StoredEvent(String persistenceId, long partitionNr, long sequenceNr, Object event, EventCodec.Payload payload) {

  /** A payload the serializers could not read. */
  record Undecodable(String reason) {}
}
