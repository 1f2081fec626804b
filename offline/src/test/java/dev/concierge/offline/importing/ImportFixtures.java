package dev.concierge.offline.importing;

import com.typesafe.config.ConfigFactory;
import dev.concierge.models.CustomerEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Files written for a test, imported with the default settings. */
final class ImportFixtures {

  static final ImportSettings SETTINGS = ImportSettings.fromConfig(ConfigFactory.load().getConfig("concierge"));
  static final CsvImport.Options DETECTED =
      new CsvImport.Options(null, null, TimeReader.of("auto", ZoneId.of("UTC")), StandardCharsets.UTF_8);
  static final RatingsFormat RATINGS = new RatingsFormat(4.0, Map.of(), SETTINGS.rowOrderStart());

  private ImportFixtures() {}

  static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ImportResult read(Path file, ImportFormat format) {
    return read(file, format, DETECTED);
  }

  static ImportResult read(Path file, ImportFormat format, CsvImport.Options options) {
    try {
      return CsvImport.read(file, format, options, SETTINGS, bytes -> { });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<CustomerEvent> events(ImportResult result) {
    List<CustomerEvent> events = new ArrayList<>();
    result.eventsByTime("t").forEachRemaining(events::add);
    return events;
  }
}
