package dev.concierge.tools.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The bearer token for the admin API, and where it came from (so that a refused token can be traced). */
record AdminToken(String value, String source) {

  /** In order: {@code --token}, {@code CONCIERGE_ADMIN_TOKEN}, the launcher's token file. */
  static AdminToken resolve(Optional<String> option, AdminEnvironment environment) {
    if (option.filter(value -> !value.isBlank()).isPresent()) {
      return new AdminToken(option.get().strip(), "--token");
    }
    Optional<String> variable = environment.variable(AdminEnvironment.TOKEN_VARIABLE);
    if (variable.isPresent()) {
      return new AdminToken(variable.get().strip(), AdminEnvironment.TOKEN_VARIABLE);
    }
    Path file = environment.tokenFilePath();
    return fromFile(file).orElseThrow(() -> new IllegalStateException(
        "no admin token: pass --token T or set " + AdminEnvironment.TOKEN_VARIABLE + " to the token the nodes were"
            + " started with; bin/concierge cluster start writes one to " + file + " and this command reads it from"
            + " there"));
  }

  private static Optional<AdminToken> fromFile(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String value = Files.readString(file, StandardCharsets.UTF_8).strip();
      return value.isEmpty() ? Optional.empty() : Optional.of(new AdminToken(value, "the file " + file));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the admin token from " + file + ": " + e.getMessage(), e);
    }
  }
}
