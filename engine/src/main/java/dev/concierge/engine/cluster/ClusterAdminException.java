package dev.concierge.engine.cluster;

/** An operator's request the cluster cannot carry out as asked; its message says what to ask instead. */
public final class ClusterAdminException extends IllegalArgumentException {

  /** What was wrong with the request. */
  public enum Reason {
    /** not a shard id of this cluster */
    UNKNOWN_SHARD,
    /** not written as a node address */
    BAD_ADDRESS,
    /** no member has that address */
    UNKNOWN_NODE,
    /** a member, but not one that can take shards now */
    NODE_NOT_UP
  }

  private final Reason reason;

  public ClusterAdminException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
