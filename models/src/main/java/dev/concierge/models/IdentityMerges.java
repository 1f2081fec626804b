package dev.concierge.models;

import java.util.ArrayList;
import java.util.List;

/**
 * Which customers' histories a customer took over, and which it still waits for: the bookkeeping that
 * makes a merge count once. A merge event makes its {@code fromCustomerId} pending ({@link #request});
 * the history arriving completes it ({@link #complete}), after which a merge from the same id, redelivered
 * or sent again with a new event id (the SDK sends one at every login), takes over nothing. The live
 * customer actor and offline replay keep it alike, so both absorb the same histories.
 *
 * <p>Small and bounded: the last {@link #REMEMBERED} merged ids, oldest forgotten first (a shopper who
 * logs in from more anonymous ids than that could have the oldest one merged twice), and the pending
 * ones, of which there is rarely more than one. Mutable and confined to its owner.
 */
public final class IdentityMerges {

  /** How many merged ids a customer remembers. */
  public static final int REMEMBERED = 64;

  private final List<String> merged;
  private final List<String> pending;

  public IdentityMerges() {
    this(List.of(), List.of());
  }

  private IdentityMerges(List<String> merged, List<String> pending) {
    this.merged = new ArrayList<>(merged);
    this.pending = new ArrayList<>(pending);
    trim();
  }

  /**
   * Whether a customer with this bookkeeping ({@code null} for none) hands its history over to a customer
   * that merges it: only while it has taken over no history and awaits none, that is, while its history
   * is its own. A merge moves an anonymous shopper's history; a history that holds another's would bring
   * events back along a chain or a cycle of merges (A takes B, then B takes A) to a customer that counted
   * them already. Such a customer hands over nothing, as one without history does.
   */
  public static boolean handsOverHistory(IdentityMerges merges) {
    return merges == null || merges.isEmpty();
  }

  /** The bookkeeping of a snapshot, as {@link #merged()} and {@link #pending()} gave it. */
  public static IdentityMerges of(List<String> merged, List<String> pending) {
    return new IdentityMerges(merged, pending);
  }

  /**
   * A merge from {@code fromCustomerId} was recorded: true when its history is now awaited, false when it
   * was taken over already or is awaited already.
   */
  public boolean request(String fromCustomerId) {
    if (merged.contains(fromCustomerId) || pending.contains(fromCustomerId)) {
      return false;
    }
    pending.add(fromCustomerId);
    return true;
  }

  /** The history of {@code fromCustomerId} was taken over: true when it was awaited, and now is no longer. */
  public boolean complete(String fromCustomerId) {
    boolean wasPending = pending.remove(fromCustomerId);
    if (!merged.contains(fromCustomerId)) {
      merged.add(fromCustomerId);
      trim();
    }
    return wasPending;
  }

  public boolean isPending(String fromCustomerId) {
    return pending.contains(fromCustomerId);
  }

  public boolean hasMerged(String fromCustomerId) {
    return merged.contains(fromCustomerId);
  }

  /** The ids whose history is awaited, oldest request first. */
  public List<String> pending() {
    return List.copyOf(pending);
  }

  /** The ids whose history was taken over, oldest first, at most {@link #REMEMBERED}. */
  public List<String> merged() {
    return List.copyOf(merged);
  }

  public boolean isEmpty() {
    return merged.isEmpty() && pending.isEmpty();
  }

  private void trim() {
    while (merged.size() > REMEMBERED) {
      merged.remove(0);
    }
  }
}
