package dev.concierge.tools.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.offline.backtest.LoggedDecision;
import dev.concierge.offline.replay.TopicRead;
import dev.concierge.tools.history.SourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;

/** The logged decisions, from the {@code decisions} topic or a JSON-lines export of it. */
final class DecisionsReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DecisionsReader() {}

  /** {@code --decisions}: a JSON-lines export of the topic, or (no file) the topic itself. */
  record Source(Optional<Path> file) {}

  /** Reads {@code --decisions}: kafka or file:PATH. */
  static final class SourceConverter implements ITypeConverter<Source> {
    @Override
    public Source convert(String value) {
      return SourceSpec.<Source>fileOrNamed(value, path -> new Source(Optional.of(path)),
          Map.of("kafka", () -> new Source(Optional.empty())), "kafka or file:PATH");
    }
  }

  static List<LoggedDecision> read(Source source, Config concierge) throws IOException {
    if (source.file().isEmpty()) {
      return fromTopic(KafkaSettings.fromConfig(concierge));
    }
    List<LoggedDecision> decisions = new ArrayList<>();
    for (String line : Files.readAllLines(source.file().get(), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        decisions.add(decision(MAPPER.readTree(line)));
      }
    }
    return decisions;
  }

  private static List<LoggedDecision> fromTopic(KafkaSettings kafka) {
    List<LoggedDecision> decisions = new ArrayList<>();
    TopicRead.readAll(kafka.bootstrapServers(), kafka.decisionsTopic(), record -> {
      try {
        decisions.add(decision(MAPPER.readTree(record.value())));
      } catch (IOException e) {
        throw new UncheckedIOException("a record of " + kafka.decisionsTopic() + " is not JSON", e);
      }
    });
    return decisions;
  }

  private static LoggedDecision decision(JsonNode json) {
    List<String> items = new ArrayList<>();
    json.path("items").forEach(item -> items.add(item.path("itemId").asText()));
    return new LoggedDecision(
        json.path("decisionId").asText(), json.path("customerId").asText(), Instant.parse(json.path("at").asText()),
        json.path("experiment").isTextual() ? json.get("experiment").asText() : null,
        json.path("arm").isTextual() ? json.get("arm").asText() : null, items);
  }
}
