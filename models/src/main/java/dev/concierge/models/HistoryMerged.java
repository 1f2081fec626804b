package dev.concierge.models;

import java.util.Objects;

/**
 * The journal event that completes a merge: the features {@code fromCustomerId} held when it handed its
 * history over, which the customer absorbs ({@link FeatureState#absorb}). Kept whole, so that recovery
 * absorbs exactly what the live customer did, whatever the other customer did since.
 *
 * @param fromCustomerId the customer whose history this is (an anonymous id that logged in)
 * @param features       its features at the hand-over; {@link CustomerFeatures#EMPTY} for a customer
 *                       without history
 */
public record HistoryMerged(String fromCustomerId, CustomerFeatures features) implements JournalEvent {

  public HistoryMerged {
    Objects.requireNonNull(fromCustomerId, "fromCustomerId");
    Objects.requireNonNull(features, "features");
  }
}
