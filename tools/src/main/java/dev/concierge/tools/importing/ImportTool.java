package dev.concierge.tools.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.Identifiers;
import dev.concierge.offline.importing.CsvImport;
import dev.concierge.offline.importing.Delimiter;
import dev.concierge.offline.importing.IdText;
import dev.concierge.offline.importing.ImportFormat;
import dev.concierge.offline.importing.ImportResult;
import dev.concierge.offline.importing.ImportSettings;
import dev.concierge.offline.importing.Role;
import dev.concierge.offline.importing.RowRejected;
import dev.concierge.offline.importing.TimeReader;
import dev.concierge.persistence.json.CatalogJson;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.tools.cli.Tool;
import dev.concierge.tools.cli.ToolProgress;
import dev.concierge.tools.files.JsonLinesWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * What every {@code import} subcommand shares: the file, how to read it, where the events and the
 * catalog go, the progress bars and the summary. A subcommand gives its format.
 */
abstract class ImportTool extends Tool {

  private static final String EVENTS_SUFFIX = ".jsonl";
  private static final String CATALOG_SUFFIX = ".catalog.jsonl";
  private static final String GZIP_SUFFIX = ".gz";
  private static final int BYTES_PER_KIB = 1024;
  /** Room for {@code -<line number>} in an event id. */
  private static final int MAX_ID_PREFIX = Identifiers.MAX_LENGTH - 21;
  private static final String FALLBACK_ID_PREFIX = "import";

  @Parameters(index = "0", paramLabel = "FILE", description = "the file to import; gzip-compressed if it ends in .gz")
  private Path file;

  @Option(names = "--out", required = true, paramLabel = "EVENTS",
      description = "the history file: customer-events JSON lines by time (replaced if it exists)")
  private Path eventsFile;

  @Option(names = "--catalog-out", paramLabel = "CATALOG",
      description = "the catalog: one item per line, by id (default: beside EVENTS, its name ending in .catalog.jsonl)")
  private Path catalogFile;

  @Option(names = "--map", paramLabel = "ROLE=COLUMN", split = ",",
      description = "names the column of a role: a header name or a column number from 1 (default: the header's"
          + " names, else the format's order). Roles: customer, item, timestamp, type, rating, price, quantity, session,"
          + " title, category, invoice")
  private Map<String, String> columns = new LinkedHashMap<>();

  @Option(names = "--delimiter", paramLabel = "D", converter = DelimiterConverter.class,
      description = "what separates the columns: ',', ';', tab, '|', '::' or any text (default: told from the first"
          + " lines)")
  private Delimiter delimiter;

  @Option(names = "--header", negatable = true,
      description = "--header: the first line is a header; --no-header: it is a row (default: a header if it names"
          + " a column the format reads)")
  private Boolean header;

  @Option(names = "--time-format", paramLabel = "F", defaultValue = "auto",
      description = "auto (default: epoch seconds or milliseconds, ISO-8601), seconds, millis, iso, or a pattern of"
          + " java.time.format.DateTimeFormatter such as 'M/d/yyyy H:mm'")
  private String timeFormat;

  @Option(names = "--zone", paramLabel = "ZONE", converter = ZoneConverter.class, defaultValue = "UTC",
      description = "the zone of times written without an offset (default UTC), such as Europe/London")
  private ZoneId zone;

  @Option(names = "--charset", paramLabel = "C", defaultValue = "UTF-8",
      description = "the file's text encoding (default UTF-8), such as ISO-8859-1")
  private Charset charset;

  @Option(names = "--id-prefix", paramLabel = "P",
      description = "event ids are P-<line number>, so that importing the same file again gives the same ids"
          + " (default: the file's name up to its first dot)")
  private String idPrefix;

  /** The format this subcommand reads, with the columns the user named. */
  protected abstract ImportFormat format(ImportSettings settings, Map<Role, String> named);

  @Override
  protected final void run() throws IOException {
    ImportSettings settings = ImportSettings.fromConfig(ConfigFactory.load().getConfig("concierge"));
    Path catalog = catalogFile != null ? catalogFile : besideEvents(eventsFile);
    checkPaths(catalog);
    String prefix = idPrefix != null ? checkedIdPrefix(idPrefix) : defaultIdPrefix(file);
    ImportFormat format = format(settings, namedColumns());
    CsvImport.Options options = new CsvImport.Options(delimiter, header, timeReader(), charset);
    ImportResult result = read(format, options, settings);

    PrintStream out = out();
    out.println(result.describe());
    if (result.events() == 0) {
      throw new IllegalStateException("no row of " + file + " gave an event; the summary above says why");
    }
    writeEvents(result, prefix);
    writeCatalog(result.catalog(), catalog);
    out.printf(Locale.ROOT, "wrote %,d events (ids %s-<line>) to %s, and %,d items to %s%n",
        result.events(), prefix, eventsFile, result.items(), catalog);
  }

  /** Reads the role names of {@code --map}; a role the format does not read is a usage error. */
  private Map<Role, String> namedColumns() {
    Map<Role, String> named = new EnumMap<>(Role.class);
    columns.forEach((label, column) -> {
      Role role = Role.labelled(label);
      if (role == null) {
        throw usageError("--map: unknown role '" + label + "'; the roles are customer, item, timestamp, type, rating,"
            + " price, quantity, session, title, category, invoice");
      }
      named.put(role, column);
    });
    return named;
  }

  private TimeReader timeReader() {
    try {
      return TimeReader.of(timeFormat, zone);
    } catch (IllegalArgumentException e) {
      throw usageError("--time-format must be " + TimeReader.FORMS + ", was '" + timeFormat + "': " + e.getMessage());
    }
  }

  private ImportResult read(ImportFormat format, CsvImport.Options options, ImportSettings settings)
      throws IOException {
    long size = Files.size(file);
    try (ToolProgress progress = ToolProgress.start("read", kib(size), "KiB", err())) {
      return CsvImport.read(file, format, options, settings, bytes -> progress.stepTo(kib(bytes)));
    } catch (IllegalArgumentException e) {
      // the file does not fit the command line: no delimiter splits it, a column is missing
      throw usageError(file + ": " + e.getMessage());
    }
  }

  private void writeEvents(ImportResult result, String prefix) throws IOException {
    EventJson json = new EventJson(new ObjectMapper());
    try (JsonLinesWriter writer = open(eventsFile);
        ToolProgress progress = ToolProgress.start("write", result.events(), "events", err())) {
      for (Iterator<CustomerEvent> events = result.eventsByTime(prefix); events.hasNext(); ) {
        writer.write(json.write(events.next()));
        progress.step();
      }
      writer.commit();
    }
  }

  private static void writeCatalog(List<CatalogItem> items, Path catalog) throws IOException {
    CatalogJson json = new CatalogJson(new ObjectMapper());
    try (JsonLinesWriter writer = open(catalog)) {
      for (CatalogItem item : items) {
        writer.write(json.write(item));
      }
      writer.commit();
    }
  }

  private static JsonLinesWriter open(Path target) throws IOException {
    try {
      return JsonLinesWriter.open(target);
    } catch (NoSuchFileException e) {
      throw new IOException("cannot write " + target + ": its directory does not exist", e);
    } catch (AccessDeniedException e) {
      throw new IOException("cannot write " + target + ": permission denied", e);
    }
  }

  private void checkPaths(Path catalog) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(Files.exists(file) ? file + " is not a file" : "no such file: " + file);
    }
    if (!Files.isReadable(file)) {
      throw new IllegalStateException("cannot read " + file + ": permission denied");
    }
    for (Path output : List.of(eventsFile, catalog)) {
      if (output.getFileName() == null || output.toString().endsWith(GZIP_SUFFIX)) {
        throw usageError("the outputs are plain JSON lines files; " + output + " is not a file name for one");
      }
      if (output.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
        throw usageError(output + " is the file to import; write elsewhere");
      }
    }
    if (eventsFile.toAbsolutePath().normalize().equals(catalog.toAbsolutePath().normalize())) {
      throw usageError("--out and --catalog-out are the same file, " + catalog);
    }
  }

  private String checkedIdPrefix(String prefix) {
    if (prefix.length() > MAX_ID_PREFIX) {
      throw usageError("--id-prefix is at most " + MAX_ID_PREFIX + " characters, was " + prefix.length());
    }
    Identifiers.problem("--id-prefix", prefix).ifPresent(problem -> {
      throw usageError(problem);
    });
    return prefix;
  }

  /** The file's name up to its first dot, as an id: {@code ratings} for ratings.csv.gz. */
  static String defaultIdPrefix(Path file) {
    String name = file.getFileName().toString();
    int dot = name.indexOf('.');
    String stem = dot < 0 ? name : name.substring(0, dot);
    try {
      String id = IdText.of(stem, "file name");
      return id.length() > MAX_ID_PREFIX ? id.substring(0, MAX_ID_PREFIX) : id;
    } catch (RowRejected emptyOrTooLong) {
      return FALLBACK_ID_PREFIX;
    }
  }

  /** {@code retail.jsonl} gives {@code retail.catalog.jsonl}; any other name gets {@code .catalog.jsonl} added. */
  static Path besideEvents(Path events) {
    String name = events.getFileName() == null ? "" : events.getFileName().toString();
    String stem = name.endsWith(EVENTS_SUFFIX) ? name.substring(0, name.length() - EVENTS_SUFFIX.length()) : name;
    return events.resolveSibling(stem + CATALOG_SUFFIX);
  }

  private static long kib(long bytes) {
    return bytes / BYTES_PER_KIB;
  }

  /** {@code tab} (or a backslash-t) for a tab; anything else as it is. */
  static final class DelimiterConverter implements ITypeConverter<Delimiter> {
    @Override
    public Delimiter convert(String value) {
      try {
        return new Delimiter("tab".equalsIgnoreCase(value) || "\\t".equals(value) ? "\t" : value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage() + ", was '" + value + "'");
      }
    }
  }

  /** A zone id such as {@code UTC}, {@code Europe/London} or {@code +01:00}. */
  static final class ZoneConverter implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      try {
        return ZoneId.of(value);
      } catch (DateTimeException e) {
        throw new TypeConversionException("must be a zone such as UTC, Europe/London or +01:00, was '" + value + "'");
      }
    }
  }
}
