package dev.concierge.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The manifests under cluster-config/k8s, each YAML document by its kind. */
record Manifests(List<String> files, Map<String, List<JsonNode>> byKind) {

  static final Path DIRECTORY = Path.of("k8s");

  static Manifests read() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<String> files = new ArrayList<>();
    Map<String, List<JsonNode>> byKind = new LinkedHashMap<>();
    try (Stream<Path> listed = Files.list(DIRECTORY)) {
      for (Path file : listed.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
        files.add(file.getFileName().toString());
        for (JsonNode document : yaml.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile()).readAll()) {
          byKind.computeIfAbsent(document.path("kind").asText(), kind -> new ArrayList<>()).add(document);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Manifests(files, byKind);
  }

  /** The one document of this kind. */
  JsonNode one(String kind) {
    List<JsonNode> documents = byKind.getOrDefault(kind, List.of());
    if (documents.size() != 1) {
      throw new AssertionError("expected one " + kind + ", found " + documents.size());
    }
    return documents.get(0);
  }

  JsonNode container() {
    return one("Deployment").path("spec").path("template").path("spec").path("containers").get(0);
  }

  /** The container's environment: each variable's node (value or valueFrom), by name. */
  Map<String, JsonNode> environment() {
    Map<String, JsonNode> environment = new LinkedHashMap<>();
    container().path("env").forEach(variable -> environment.put(variable.path("name").asText(), variable));
    return environment;
  }
}
