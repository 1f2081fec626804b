package dev.concierge.tools.importing;

import dev.concierge.models.EventType;
import dev.concierge.offline.importing.ImportFormat;
import dev.concierge.offline.importing.ImportSettings;
import dev.concierge.offline.importing.MappedFormat;
import dev.concierge.offline.importing.Role;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/concierge import mapped}: any delimited file, its columns named with --map. */
@Command(
    name = "mapped",
    description = {
      "Any delimited file, its columns named with --map and its event types with --types.",
      "--map names the columns of customer, item and timestamp, and of type, rating, price,"
          + " quantity, session, title and category if the file has them (a header name or a column number from 1;"
          + " header names the roles know, such as user_id, itemid, event, timestamp, need no mapping).",
      "The event type comes from the type column, whose values --types maps to view, click, add_to_cart and purchase"
          + " (rows of other values are left out and counted); else from the rating column and --purchase-threshold;"
          + " else every row is a purchase.",
      "The catalog gives each item its first title and category (else unknown) and the median of its prices."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/concierge import mapped events.csv --map customer=visitorid,item=itemid,type=event,timestamp=timestamp \\",
      "      --types view=view,add_to_cart=addtocart,purchase=transaction --out retailrocket.jsonl",
      "  bin/concierge import mapped clicks.tsv --no-header --map customer=1,item=3,timestamp=2 --types click=clk"
          + " --out clicks.jsonl"
    })
final class MappedImport extends ImportTool {

  private static final String VALUE_SEPARATOR = "\\|";

  @Option(names = "--types", paramLabel = "TYPE=VALUE[|VALUE...]", split = ",",
      description = "the type column's values (any case) of each event type, such as purchase=transaction|order"
          + " (default: the contract's names, view, click, add_to_cart and purchase)")
  private Map<String, String> types = new LinkedHashMap<>();

  @Option(names = "--purchase-threshold", paramLabel = "R",
      description = "without a type column: the least rating of a purchase (default concierge.import"
          + ".purchase-threshold, 4.0)")
  private Double purchaseThreshold;

  @Override
  protected ImportFormat format(ImportSettings settings, Map<Role, String> named) {
    return new MappedFormat(named, typesByValue(),
        purchaseThreshold == null ? settings.purchaseThreshold() : purchaseThreshold);
  }

  private Map<String, EventType> typesByValue() {
    Map<String, EventType> byValue = new HashMap<>();
    types.forEach((name, values) -> {
      // a merge names another customer, not an item: no row of a file is one
      EventType type = EventType.fromWireName(name.strip()).filter(EventType::isInteraction).orElseThrow(() -> usageError(
          "--types: '" + name + "' is no event type of an item; the types are view, click, add_to_cart and purchase"));
      for (String value : values.split(VALUE_SEPARATOR)) {
        EventType earlier = byValue.put(value.strip().toLowerCase(Locale.ROOT), type);
        if (earlier != null && earlier != type) {
          throw usageError("--types: the value '" + value.strip() + "' is given to both " + earlier.wireName()
              + " and " + type.wireName());
        }
      }
    });
    return byValue;
  }
}
