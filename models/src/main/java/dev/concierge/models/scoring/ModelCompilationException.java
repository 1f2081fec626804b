package dev.concierge.models.scoring;

/** A Tribuo model cannot be turned into a {@link Scorer}, or the result would not equal Tribuo's prediction. */
public final class ModelCompilationException extends IllegalArgumentException {

  public ModelCompilationException(String message) {
    super(message);
  }
}
