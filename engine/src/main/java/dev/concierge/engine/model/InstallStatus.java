package dev.concierge.engine.model;

/**
 * How this node's install of the assignment goes, for the admin API's model listing.
 *
 * @param servingGeneration the generation this node serves
 * @param latestGeneration  the newest generation this node knows of; above the served one while it loads
 * @param failedAttempts    failed tries in a row to install the latest generation (or to read the stored
 *     one at start); each is retried with backoff
 * @param lastFailure       why the last try failed, null when none failed since the last success
 */
public record InstallStatus(long servingGeneration, long latestGeneration, int failedAttempts, String lastFailure) {

  public static final InstallStatus NOTHING_YET = new InstallStatus(0, 0, 0, null);
}
