package dev.concierge.tools.admin;

import static dev.concierge.tools.admin.TextTable.Column.left;
import static dev.concierge.tools.admin.TextTable.Column.right;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/concierge admin models}: list, publish and activate model bundles. */
@Command(
    name = "models",
    description = "The model bundles. Without an action (or with list): the published bundles (version, kind,"
        + " training data, metrics), which one is active, which are loaded on the node asked, and the experiments.",
    subcommands = {ModelsCommand.Publish.class, ModelsCommand.Activate.class, ModelsCommand.PublishDir.class})
final class ModelsCommand extends ListingAction {

  private static final String BUNDLE_CONTENT_TYPE = "application/octet-stream";

  @Override
  void run(AdminSession session) {
    session.print(session.client().get("/admin/models"), json -> print(json, session.out()));
  }

  @Command(
      name = "publish",
      description = "Uploads FILE (a .bundle written by bin/concierge train); the node checks and compiles it first. A"
          + " version is published once: publishing it again answers 409.")
  static final class Publish extends AdminAction {
    @Parameters(paramLabel = "FILE", description = "the bundle file")
    private Path file;

    @Override
    void run(AdminSession session) throws IOException {
      if (!Files.isRegularFile(file)) {
        throw usageError(file + " is not a file; give a .bundle written by bin/concierge train");
      }
      AdminResponse published =
          session.client().postBytes("/admin/models", Files.readAllBytes(file), BUNDLE_CONTENT_TYPE);
      session.print(published, json -> session.out().println("published " + json.path("version").asText() + " ("
          + json.path("kind").asText() + "); serve it with bin/concierge admin models activate "
          + json.path("version").asText()));
    }
  }

  @Command(name = "activate", description = "Every node serves VERSION from now on, with no restart.")
  static final class Activate extends AdminAction {
    @Parameters(paramLabel = "VERSION", description = "a published bundle's version")
    private String version;

    @Override
    void run(AdminSession session) {
      AdminResponse activated = session.client().postJson(
          "/admin/models/" + URLEncoder.encode(version, StandardCharsets.UTF_8) + "/activate",
          session.mapper().createObjectNode(), AdminClient.SERVER_WAIT_TIMEOUT);
      session.print(activated, json -> AssignmentView.print(json, session.out()));
    }
  }

  @Command(
      name = "publish-dir",
      hidden = true,
      description = "For bin/concierge dev and bench: publishes every DIR/*.bundle (a version published before is"
          + " kept), then activates VERSION unless a version is active already. Failures are warnings.")
  static final class PublishDir extends AdminAction {
    private static final int CONFLICT = 409;
    private static final String SUFFIX = ".bundle";

    @Parameters(paramLabel = "DIR", description = "the bundles' folder")
    private Path dir;

    @Option(names = "--activate-if-none", paramLabel = "VERSION", required = true,
        description = "the version to activate when none is")
    private String version;

    @Option(names = "--log-tag", paramLabel = "TAG", defaultValue = "admin", description = "the tag of progress lines")
    private String tag;

    @Override
    void run(AdminSession session) throws IOException {
      AdminClient client = session.client();
      List<Path> bundles = new ArrayList<>();
      if (Files.isDirectory(dir)) {
        try (var files = Files.list(dir)) {
          files.filter(file -> file.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(file)).sorted()
              .forEach(bundles::add);
        }
      }
      for (Path bundle : bundles) {
        String name = bundle.getFileName().toString();
        try {
          client.postBytes("/admin/models", Files.readAllBytes(bundle), BUNDLE_CONTENT_TYPE);
          log(session, "published " + name.substring(0, name.length() - SUFFIX.length()));
        } catch (AdminApiException e) {
          if (e.status() != CONFLICT) {
            log(session, "WARNING: publishing " + name + " failed: " + e.getMessage());
          }
        }
      }
      try {
        if (client.get("/admin/models").body().path("assignment").path("activeVersion").isNull()) {
          client.postJson("/admin/models/" + URLEncoder.encode(version, StandardCharsets.UTF_8) + "/activate",
              session.mapper().createObjectNode(), AdminClient.SERVER_WAIT_TIMEOUT);
          log(session, "activated " + version);
        }
      } catch (AdminApiException e) {
        log(session, "WARNING: activating " + version + " failed: " + e.getMessage());
      }
    }

    private void log(AdminSession session, String message) {
      session.err().println("[" + tag + "] " + message);
    }
  }

  private static void print(JsonNode json, PrintStream out) {
    Set<String> loaded = new HashSet<>();
    json.path("loadedHere").forEach(version -> loaded.add(version.asText()));
    String active = json.path("assignment").path("activeVersion").asText("");
    TextTable table = new TextTable(left("VERSION"), left("KIND"), left("PUBLISHED"), left("DATA UNTIL"),
        right("ROWS"), left("METRICS"), left(""));
    for (JsonNode bundle : json.path("bundles")) {
      String version = bundle.path("version").asText();
      JsonNode metadata = bundle.path("metadata");
      List<String> marks = new ArrayList<>();
      if (version.equals(active)) {
        marks.add("active");
      }
      if (loaded.contains(version)) {
        marks.add("loaded here");
      }
      table.add(version, bundle.path("kind").asText(), bundle.path("publishedAt").asText(),
          metadata.path("dataUntil").asText(), metadata.path("trainingRows").asText(), metrics(metadata.path("metrics")),
          String.join(", ", marks));
    }
    table.print(out);
    out.println();
    AssignmentView.print(json.path("assignment"), out);
    printFailingInstall(json.path("install"), out);
  }

  /** Says so when this node keeps failing to install the latest assignment; it retries on its own. */
  private static void printFailingInstall(JsonNode install, PrintStream out) {
    int failedAttempts = install.path("failedAttempts").asInt();
    if (failedAttempts > 0) {
      out.println("install of generation " + install.path("latestGeneration").asLong() + " failed " + failedAttempts
          + " times on this node (" + install.path("lastFailure").asText() + "); serving generation "
          + install.path("servingGeneration").asLong() + " until a retry succeeds");
    }
  }

  private static String metrics(JsonNode metrics) {
    List<String> parts = new ArrayList<>();
    metrics.fields().forEachRemaining(metric -> parts.add(metric.getKey() + "="
        + String.format(Locale.ROOT, "%.3f", metric.getValue().asDouble())));
    return String.join(" ", parts);
  }
}
