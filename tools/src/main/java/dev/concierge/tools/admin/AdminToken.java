package dev.concierge.tools.admin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The bearer token for the admin API, and where it came from (so that a refused token can be traced).
 * The one place that looks the token up: the admin commands, and {@code bin/concierge} through
 * {@code concierge admin token}, for the nodes it starts.
 */
public record AdminToken(String value, String source) {

  private static final int RANDOM_BYTES = 32;
  private static final String OWNER_ONLY = "rw-------";

  /** In order: {@code --token}, {@code CONCIERGE_ADMIN_TOKEN}, the launcher's token file. */
  static AdminToken resolve(Optional<String> option, AdminEnvironment environment) {
    return find(option, environment).orElseThrow(() -> new IllegalStateException(
        "no admin token: pass --token T or set " + AdminEnvironment.TOKEN_VARIABLE + " to the token the nodes were"
            + " started with; bin/concierge dev and cluster start write one to " + environment.tokenFilePath()
            + " and this command reads it from there"));
  }

  /** As {@link #resolve}, but when there is none, a new random one in the token file (readable by its owner only). */
  public static AdminToken resolveOrCreate(Optional<String> option, AdminEnvironment environment, PrintStream progress)
      throws IOException {
    Optional<AdminToken> found = find(option, environment);
    if (found.isPresent()) {
      return found.get();
    }
    Path file = environment.tokenFilePath();
    byte[] random = new byte[RANDOM_BYTES];
    new SecureRandom().nextBytes(random);
    String value = HexFormat.of().formatHex(random);
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path partial = Files.createTempFile(directory, "." + file.getFileName(), ".partial",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY)));
    try {
      Files.writeString(partial, value + "\n", StandardCharsets.UTF_8);
      // another launcher may have made one meanwhile: its token wins, since its nodes may use it already
      Files.createLink(file, partial);
      progress.println("created an admin token in " + file + " (mode 600)");
      return new AdminToken(value, "the file " + file);
    } catch (FileAlreadyExistsException e) {
      return resolve(option, environment);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static Optional<AdminToken> find(Optional<String> option, AdminEnvironment environment) {
    if (option.filter(value -> !value.isBlank()).isPresent()) {
      return Optional.of(new AdminToken(option.get().strip(), "--token"));
    }
    Optional<String> variable = environment.variable(AdminEnvironment.TOKEN_VARIABLE);
    if (variable.isPresent()) {
      return Optional.of(new AdminToken(variable.get().strip(), AdminEnvironment.TOKEN_VARIABLE));
    }
    return fromFile(environment.tokenFilePath());
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
