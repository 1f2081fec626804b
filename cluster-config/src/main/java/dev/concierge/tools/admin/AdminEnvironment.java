package dev.concierge.tools.admin;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the admin CLI reads from outside its command line: environment variables, and the token file
 * the launcher names in a system property. Tests pass their own instead of the process's.
 */
record AdminEnvironment(Map<String, String> variables, Optional<Path> tokenFile) {

  /** bin/concierge passes {@code $STATE_DIR/admin-token} here, so a changed state dir is followed. */
  static final String TOKEN_FILE_PROPERTY = "concierge.admin.token-file";
  static final String TOKEN_VARIABLE = "CONCIERGE_ADMIN_TOKEN";
  static final String URL_VARIABLE = "CONCIERGE_ADMIN_URL";
  static final String STATE_DIR_VARIABLE = "CONCIERGE_STATE_DIR";
  private static final String DEFAULT_STATE_DIR = ".concierge";
  private static final String TOKEN_FILE_NAME = "admin-token";

  static AdminEnvironment fromSystem() {
    return new AdminEnvironment(System.getenv(), Optional.ofNullable(System.getProperty(TOKEN_FILE_PROPERTY)).map(Path::of));
  }

  Optional<String> variable(String name) {
    return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
  }

  /** The file {@code bin/concierge cluster start} writes the token to. */
  Path tokenFilePath() {
    return tokenFile.orElseGet(
        () -> Path.of(variable(STATE_DIR_VARIABLE).orElse(DEFAULT_STATE_DIR)).resolve(TOKEN_FILE_NAME));
  }
}
