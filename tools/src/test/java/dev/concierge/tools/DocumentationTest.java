package dev.concierge.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The repository's documentation stands alone: a short README, and every link lands on something in it. */
class DocumentationTest {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final int README_MAX_LINES = 250;
  private static final Set<String> NOT_DOCUMENTATION = Set.of(".git", "target", "node_modules", ".concierge");
  /** [text](target) outside code; the target ends at the first space or closing parenthesis. */
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern FENCE = Pattern.compile("^\\s*```");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");
  private static final Pattern HTML_ANCHOR = Pattern.compile("<a id=\"([^\"]+)\">");

  @Test
  void theReadmeIsAtMost250Lines() throws IOException {
    int lines = Files.readAllLines(REPOSITORY.resolve("README.md")).size();

    assertTrue(lines <= README_MAX_LINES, "README.md has " + lines + " lines; at most " + README_MAX_LINES);
  }

  @Test
  void everyRelativeLinkInTheMarkdownLandsOnAFileAndHeadingInsideTheRepository() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path document : markdownFiles()) {
      for (String target : linkTargets(document)) {
        String problem = problemWith(document, target);
        if (problem != null) {
          broken.add(REPOSITORY.relativize(document) + ": (" + target + ") " + problem);
        }
      }
    }

    assertEquals(List.of(), broken);
  }

  private static String problemWith(Path document, String target) {
    if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
      return null; // http:, https:, mailto:: outside links are the reader's to follow
    }
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
    if (!resolved.startsWith(REPOSITORY)) {
      return "points outside the repository";
    }
    if (!Files.exists(resolved)) {
      return "names no file";
    }
    if (hash >= 0 && resolved.toString().endsWith(".md") && !anchors(resolved).contains(target.substring(hash + 1))) {
      return "names no heading of " + REPOSITORY.relativize(resolved);
    }
    return null;
  }

  private static List<Path> markdownFiles() throws IOException {
    try (Stream<Path> paths = Files.walk(REPOSITORY)) {
      return paths
          .filter(path -> path.toString().endsWith(".md"))
          .filter(path -> REPOSITORY.relativize(path).getNameCount() > 0)
          .filter(path -> !insideIgnoredDirectory(path))
          .sorted()
          .toList();
    }
  }

  private static boolean insideIgnoredDirectory(Path path) {
    for (Path part : REPOSITORY.relativize(path)) {
      if (NOT_DOCUMENTATION.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  private static List<String> linkTargets(Path document) {
    List<String> targets = new ArrayList<>();
    boolean inCode = false;
    for (String line : lines(document)) {
      if (FENCE.matcher(line).find()) {
        inCode = !inCode;
      } else if (!inCode) {
        Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", ""));
        while (link.find()) {
          targets.add(link.group(1));
        }
      }
    }
    return targets;
  }

  /**
   * GitHub's heading anchors (lower case, punctuation dropped, spaces as hyphens, repeats numbered) and the
   * explicit {@code <a id>} anchors that mark list items.
   */
  private static Set<String> anchors(Path document) {
    Set<String> anchors = new HashSet<>();
    boolean inCode = false;
    for (String line : lines(document)) {
      if (FENCE.matcher(line).find()) {
        inCode = !inCode;
        continue;
      }
      Matcher explicit = HTML_ANCHOR.matcher(line);
      while (explicit.find()) {
        anchors.add(explicit.group(1));
      }
      Matcher heading = HEADING.matcher(line);
      if (!inCode && heading.matches()) {
        String slug =
            heading.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
        String unique = slug;
        for (int n = 1; !anchors.add(unique); n++) {
          unique = slug + "-" + n;
        }
      }
    }
    return anchors;
  }

  private static List<String> lines(Path document) {
    try {
      return Files.readAllLines(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
