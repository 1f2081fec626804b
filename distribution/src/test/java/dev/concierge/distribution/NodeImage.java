package dev.concierge.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The node's image as Jib wrote it ({@code cluster-config/target/jib-image.tar}, the {@code docker save} format):
 * its configuration, and its file system with every layer unpacked in order into {@code root}.
 */
record NodeImage(JsonNode config, Path root) {

  private static final long TAR_TIMEOUT_SECONDS = 120;

  static NodeImage unpack(Path tar, Path into) throws IOException, InterruptedException {
    Path saved = Files.createDirectories(into.resolve("saved"));
    untar(tar, saved);
    ObjectMapper json = new ObjectMapper();
    JsonNode manifest = json.readTree(saved.resolve("manifest.json").toFile()).get(0);
    Path root = Files.createDirectories(into.resolve("root"));
    for (JsonNode layer : manifest.get("Layers")) {
      untar(saved.resolve(layer.asText()), root);
    }
    return new NodeImage(json.readTree(saved.resolve(manifest.get("Config").asText()).toFile()).get("config"), root);
  }

  /** The image's entrypoint, as docker runs it. */
  List<String> entrypoint() {
    List<String> entrypoint = new ArrayList<>();
    config.get("Entrypoint").forEach(arg -> entrypoint.add(arg.asText()));
    return entrypoint;
  }

  /** The variables the image sets, {@code NAME=value}. */
  Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>();
    config.get("Env").forEach(variable -> {
      String[] nameAndValue = variable.asText().split("=", 2);
      environment.put(nameAndValue[0], nameAndValue[1]);
    });
    return environment;
  }

  /** A path inside the image, such as {@code /app/jib-classpath-file}, on this machine. */
  Path file(String absolute) {
    return root.resolve(absolute.substring(1));
  }

  private static void untar(Path tar, Path into) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("tar", "xf", tar.toString(), "-C", into.toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(TAR_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("tar xf " + tar + " failed: " + output);
    }
  }
}
