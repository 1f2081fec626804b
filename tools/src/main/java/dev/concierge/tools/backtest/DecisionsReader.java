package dev.concierge.tools.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.offline.backtest.LoggedDecision;
import dev.concierge.offline.replay.TopicRead;
import dev.concierge.tools.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The logged decisions, from the {@code decisions} topic or a JSON-lines export of it. */
final class DecisionsReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DecisionsReader() {}

  static List<LoggedDecision> read(String spec, Config concierge) throws UsageException, IOException {
    if (spec.equals("kafka")) {
      return fromTopic(KafkaSettings.fromConfig(concierge));
    }
    if (spec.startsWith("file:")) {
      List<LoggedDecision> decisions = new ArrayList<>();
      for (String line : Files.readAllLines(Path.of(spec.substring("file:".length())), StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          decisions.add(decision(MAPPER.readTree(line)));
        }
      }
      return decisions;
    }
    throw new UsageException("--decisions must be kafka or file:PATH, was '" + spec + "'");
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
