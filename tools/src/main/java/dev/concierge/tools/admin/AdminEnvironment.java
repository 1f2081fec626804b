package dev.concierge.tools.admin;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The environment variables the admin CLI reads; tests pass their own instead of the process's. */
record AdminEnvironment(Map<String, String> variables) {

  static final String TOKEN_VARIABLE = "CONCIERGE_ADMIN_TOKEN";
  /** bin/concierge sets it to {@code $STATE_DIR/admin-token}, the file {@code cluster start} writes. */
  static final String TOKEN_FILE_VARIABLE = "CONCIERGE_ADMIN_TOKEN_FILE";
  static final String URL_VARIABLE = "CONCIERGE_ADMIN_URL";
  static final String STATE_DIR_VARIABLE = "CONCIERGE_STATE_DIR";
  private static final String DEFAULT_STATE_DIR = ".concierge";
  private static final String TOKEN_FILE_NAME = "admin-token";

  static AdminEnvironment fromSystem() {
    return new AdminEnvironment(System.getenv());
  }

  Optional<String> variable(String name) {
    return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
  }

  /** Where the token file is: CONCIERGE_ADMIN_TOKEN_FILE, else admin-token in the state dir. */
  Path tokenFilePath() {
    return variable(TOKEN_FILE_VARIABLE).map(Path::of).orElseGet(
        () -> Path.of(variable(STATE_DIR_VARIABLE).orElse(DEFAULT_STATE_DIR)).resolve(TOKEN_FILE_NAME));
  }
}
