package dev.concierge.models.scoring;

/** A model bundle was built for features other than the ones the running code computes. */
public final class FeatureSchemaMismatchException extends IllegalStateException {

  public FeatureSchemaMismatchException(String message) {
    super(message);
  }
}
