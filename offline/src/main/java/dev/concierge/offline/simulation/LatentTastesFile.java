package dev.concierge.offline.simulation;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * The simulation's latent tastes as one JSON document, written beside the events it produced so that
 * the backtest's oracle can rank by them. Doubles are written exactly, so the oracle's utilities are
 * the simulation's own:
 *
 * <pre>
 * {"format":"concierge-latent-tastes-1","factors":K,
 *  "items":[{"itemId":..,"popularity":..,"logPrice":..,"factors":[K numbers]},...],
 *  "shoppers":[{"customerId":..,"logPriceLevel":..,"priceTolerance":..,"factors":[K numbers]},...]}
 * </pre>
 */
public final class LatentTastesFile {

  public static final String FORMAT = "concierge-latent-tastes-1";

  /** The fields of an item's or a shopper's entry: its id and two numbers, then its factors. */
  private record Fields(String id, String first, String second) {}

  private static final Fields ITEMS = new Fields("itemId", "popularity", "logPrice");
  private static final Fields SHOPPERS = new Fields("customerId", "logPriceLevel", "priceTolerance");

  /** The entries of one array, column by column; factors entry after entry. */
  private record Entries(List<String> ids, double[] first, double[] second, double[] factors) {}

  private final ObjectMapper mapper;

  public LatentTastesFile(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public void write(LatentTastes tastes, OutputStream out) throws IOException {
    JsonFactory factory = mapper.getFactory();
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringField("format", FORMAT);
      json.writeNumberField("factors", tastes.factors());
      json.writeArrayFieldStart("items");
      for (int item = 0; item < tastes.itemCount(); item++) {
        int i = item;
        writeEntry(json, tastes.factors(), ITEMS, tastes.itemId(i), tastes.popularity(i), tastes.logPrice(i),
            f -> tastes.itemFactor(i, f));
      }
      json.writeEndArray();
      json.writeArrayFieldStart("shoppers");
      for (int shopper = 0; shopper < tastes.shopperCount(); shopper++) {
        int s = shopper;
        writeEntry(json, tastes.factors(), SHOPPERS, tastes.customerId(s), tastes.logPriceLevel(s),
            tastes.priceTolerance(s), f -> tastes.shopperFactor(s, f));
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** @throws IOException when the input is not a latent-tastes document of this format */
  public LatentTastes read(InputStream in) throws IOException {
    JsonNode root = mapper.readTree(in);
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new IOException("not a latent-tastes file of format " + FORMAT
          + " (bin/concierge simulate --out FILE writes one beside FILE)");
    }
    int factors = root.path("factors").asInt();
    Entries items = readEntries(array(root, "items"), factors, ITEMS);
    Entries shoppers = readEntries(array(root, "shoppers"), factors, SHOPPERS);
    try {
      return new LatentTastes(factors, items.ids(), items.factors(), items.first(), items.second(), shoppers.ids(),
          shoppers.factors(), shoppers.first(), shoppers.second());
    } catch (IllegalArgumentException e) {
      throw new IOException("inconsistent latent-tastes file: " + e.getMessage(), e);
    }
  }

  private static void writeEntry(JsonGenerator json, int factors, Fields fields, String id, double first,
      double second, IntToDoubleFunction factor) throws IOException {
    json.writeStartObject();
    json.writeStringField(fields.id(), id);
    json.writeNumberField(fields.first(), first);
    json.writeNumberField(fields.second(), second);
    json.writeArrayFieldStart("factors");
    for (int f = 0; f < factors; f++) {
      json.writeNumber(factor.applyAsDouble(f));
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static Entries readEntries(JsonNode array, int factors, Fields fields) throws IOException {
    List<String> ids = new ArrayList<>(array.size());
    double[] first = new double[array.size()];
    double[] second = new double[array.size()];
    double[] values = new double[array.size() * factors];
    for (int i = 0; i < array.size(); i++) {
      JsonNode entry = array.get(i);
      ids.add(text(entry, fields.id()));
      first[i] = number(entry, fields.first());
      second[i] = number(entry, fields.second());
      JsonNode entryFactors = array(entry, "factors");
      if (entryFactors.size() != factors) {
        throw new IOException("expected " + factors + " factors, found " + entryFactors.size() + " in " + entry);
      }
      for (int f = 0; f < factors; f++) {
        values[i * factors + f] = entryFactors.get(f).asDouble();
      }
    }
    return new Entries(ids, first, second, values);
  }

  private static JsonNode array(JsonNode owner, String field) throws IOException {
    JsonNode value = owner.path(field);
    if (!value.isArray()) {
      throw new IOException("latent-tastes file: '" + field + "' must be an array");
    }
    return value;
  }

  private static String text(JsonNode owner, String field) throws IOException {
    JsonNode value = owner.path(field);
    if (!value.isTextual()) {
      throw new IOException("latent-tastes file: '" + field + "' must be a string in " + owner);
    }
    return value.asText();
  }

  private static double number(JsonNode owner, String field) throws IOException {
    JsonNode value = owner.path(field);
    if (!value.isNumber()) {
      throw new IOException("latent-tastes file: '" + field + "' must be a number in " + owner);
    }
    return value.asDouble();
  }
}
