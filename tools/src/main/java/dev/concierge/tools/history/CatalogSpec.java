package dev.concierge.tools.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.DemoCatalog;
import dev.concierge.offline.replay.TopicRead;
import dev.concierge.persistence.json.CatalogJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;

/**
 * The catalog the tools file items under, as {@code --catalog} says: {@code demo} (what
 * {@code bin/concierge dev} loads, and what the simulator shops from), {@code kafka} (the compacted
 * catalog topic, read to its end) or {@code file:PATH} (JSON lines in the catalog topic's shape, where
 * category and price may be left out). Without {@code --catalog} the items come from the history itself
 * ({@link HistoryOptions#catalog}).
 */
public sealed interface CatalogSpec {

  String USAGE = "demo, kafka or file:PATH";

  Catalog load(Config concierge);

  /** Where the catalog comes from, for messages. */
  String description();

  record Demo() implements CatalogSpec {
    @Override
    public String description() {
      return "the demo catalog";
    }

    @Override
    public Catalog load(Config concierge) {
      Config demo = concierge.getConfig("dev.demo-catalog");
      return Catalog.of(DemoCatalog.generate(demo.getInt("items"), demo.getLong("seed")));
    }
  }

  record File(Path path) implements CatalogSpec {
    @Override
    public String description() {
      return "file " + path;
    }

    @Override
    public Catalog load(Config concierge) {
      CatalogJson json = new CatalogJson(new ObjectMapper());
      try (Stream<String> lines = Files.lines(path, StandardCharsets.UTF_8)) {
        List<CatalogItem> items = new ArrayList<>();
        lines.filter(line -> !line.isBlank())
            .forEach(line -> json.parse(line.getBytes(StandardCharsets.UTF_8), CatalogItem.UNKNOWN_CATEGORY)
                .ifPresent(items::add));
        return Catalog.of(items);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the catalog file " + path, e);
      }
    }
  }

  record Kafka() implements CatalogSpec {
    @Override
    public String description() {
      return "the catalog topic";
    }

    @Override
    public Catalog load(Config concierge) {
      KafkaSettings kafka = KafkaSettings.fromConfig(concierge);
      CatalogJson json = new CatalogJson(new ObjectMapper());
      Map<String, CatalogItem> latest = new LinkedHashMap<>();
      TopicRead.readAll(kafka.bootstrapServers(), kafka.catalogTopic(), record -> {
        if (record.value() == null) {
          // a tombstone: the item, keyed by its id, is gone
          latest.remove(record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
        } else {
          json.parse(record.value()).ifPresent(item -> latest.put(item.itemId(), item));
        }
      });
      return Catalog.of(latest.values());
    }
  }

  /** Reads {@code --catalog}. */
  final class Converter implements ITypeConverter<CatalogSpec> {
    @Override
    public CatalogSpec convert(String value) {
      return SourceSpec.<CatalogSpec>fileOrNamed(value, File::new, Map.of("demo", Demo::new, "kafka", Kafka::new), USAGE);
    }
  }
}
