package dev.concierge.models.rules;

/**
 * A rule value that breaks the rules' invariants: a factor that is not a finite number above 0, a
 * position below 1, a negative diversity setting, a missing policy. The rule types refuse to exist
 * with one, so that no decision can fail on its rules; the API answers it with a 400.
 */
public final class InvalidRuleException extends IllegalArgumentException {

  public InvalidRuleException(String message) {
    super(message);
  }
}
