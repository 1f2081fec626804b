package dev.concierge.tools.admin;

import dev.concierge.tools.files.AtomicFiles;
import dev.concierge.tools.nodes.LocalNodes;
import dev.concierge.tools.nodes.NodePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.TypeConversionException;

/**
 * What the admin CLI reads besides its options: environment variables, and the files the launcher
 * keeps in its state dir (the admin token, and the admin URLs of the nodes it started).
 */
public record AdminEnvironment(Map<String, String> variables) {

  public static final String TOKEN_VARIABLE = "CONCIERGE_ADMIN_TOKEN";
  static final String TOKEN_FILE_VARIABLE = "CONCIERGE_ADMIN_TOKEN_FILE";
  static final String URL_VARIABLE = "CONCIERGE_ADMIN_URL";
  /** bin/concierge passes its state dir here (default .concierge, from the current directory). */
  static final String STATE_DIR_VARIABLE = "CONCIERGE_STATE_DIR";
  static final String TOKEN_FILE_NAME = "admin-token";
  /** Written by bin/concierge dev and cluster start: the admin base URL of each node they run, one a line. */
  static final String URLS_FILE_NAME = "admin-urls";
  private static final String DEFAULT_STATE_DIR = ".concierge";
  private static final String COMMENT = "#";

  Optional<String> variable(String name) {
    return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
  }

  public Path stateDir() {
    return Path.of(variable(STATE_DIR_VARIABLE).orElse(DEFAULT_STATE_DIR));
  }

  /** Where the token file is: CONCIERGE_ADMIN_TOKEN_FILE, else admin-token in the state dir. */
  Path tokenFilePath() {
    return variable(TOKEN_FILE_VARIABLE).map(Path::of).orElseGet(() -> stateDir().resolve(TOKEN_FILE_NAME));
  }

  /**
   * The nodes to ask when no --url is given, in order: CONCIERGE_ADMIN_URL; else the nodes that
   * bin/concierge dev or cluster start recorded; else the local cluster's nodes.
   */
  List<URI> defaultUrls() {
    Optional<String> given = variable(URL_VARIABLE);
    if (given.isPresent()) {
      try {
        return List.of(AdminSession.url(given.get()));
      } catch (TypeConversionException e) {
        throw new IllegalArgumentException(URL_VARIABLE + " " + e.getMessage(), e);
      }
    }
    List<URI> recorded = recordedUrls();
    return recorded.isEmpty() ? LocalNodes.all().stream().map(NodePorts::httpUrl).toList() : recorded;
  }

  /** The file that names the nodes a launcher runs, for the admin commands without --url. */
  public Path urlsFile() {
    return stateDir().resolve(URLS_FILE_NAME);
  }

  /** The admin URLs file names {@code urls}, under a first line {@code header} (a comment); none: no file. */
  public void recordUrls(String header, List<URI> urls) {
    Path file = urlsFile();
    try {
      if (urls.isEmpty()) {
        Files.deleteIfExists(file);
        return;
      }
      StringBuilder text = new StringBuilder(header + ": the admin API of the nodes it runs\n");
      urls.forEach(url -> text.append(url).append('\n'));
      AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the admin URLs to " + file, e);
    }
  }

  private List<URI> recordedUrls() {
    Path file = urlsFile();
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith(COMMENT))
          .map(AdminSession::url)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the admin URLs from " + file, e);
    } catch (TypeConversionException e) {
      throw new IllegalStateException(file + " holds a line that is no admin URL: " + e.getMessage(), e);
    }
  }
}
