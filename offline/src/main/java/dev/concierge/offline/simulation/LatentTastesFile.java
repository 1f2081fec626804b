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
        json.writeStartObject();
        json.writeStringField("itemId", tastes.itemId(item));
        json.writeNumberField("popularity", tastes.popularity(item));
        json.writeNumberField("logPrice", tastes.logPrice(item));
        json.writeArrayFieldStart("factors");
        for (int f = 0; f < tastes.factors(); f++) {
          json.writeNumber(tastes.itemFactor(item, f));
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("shoppers");
      for (int shopper = 0; shopper < tastes.shopperCount(); shopper++) {
        json.writeStartObject();
        json.writeStringField("customerId", tastes.customerId(shopper));
        json.writeNumberField("logPriceLevel", tastes.logPriceLevel(shopper));
        json.writeNumberField("priceTolerance", tastes.priceTolerance(shopper));
        json.writeArrayFieldStart("factors");
        for (int f = 0; f < tastes.factors(); f++) {
          json.writeNumber(tastes.shopperFactor(shopper, f));
        }
        json.writeEndArray();
        json.writeEndObject();
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
    JsonNode items = array(root, "items");
    JsonNode shoppers = array(root, "shoppers");
    List<String> itemIds = new ArrayList<>(items.size());
    double[] itemFactors = new double[items.size() * factors];
    double[] popularity = new double[items.size()];
    double[] logPrice = new double[items.size()];
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      itemIds.add(text(item, "itemId"));
      popularity[i] = number(item, "popularity");
      logPrice[i] = number(item, "logPrice");
      factors(item, factors, itemFactors, i);
    }
    List<String> customerIds = new ArrayList<>(shoppers.size());
    double[] shopperFactors = new double[shoppers.size() * factors];
    double[] logPriceLevel = new double[shoppers.size()];
    double[] priceTolerance = new double[shoppers.size()];
    for (int s = 0; s < shoppers.size(); s++) {
      JsonNode shopper = shoppers.get(s);
      customerIds.add(text(shopper, "customerId"));
      logPriceLevel[s] = number(shopper, "logPriceLevel");
      priceTolerance[s] = number(shopper, "priceTolerance");
      factors(shopper, factors, shopperFactors, s);
    }
    try {
      return new LatentTastes(factors, itemIds, itemFactors, popularity, logPrice, customerIds, shopperFactors,
          logPriceLevel, priceTolerance);
    } catch (IllegalArgumentException e) {
      throw new IOException("inconsistent latent-tastes file: " + e.getMessage(), e);
    }
  }

  private static void factors(JsonNode owner, int factors, double[] into, int index) throws IOException {
    JsonNode values = array(owner, "factors");
    if (values.size() != factors) {
      throw new IOException("expected " + factors + " factors, found " + values.size() + " in " + owner);
    }
    for (int f = 0; f < factors; f++) {
      into[index * factors + f] = values.get(f).asDouble();
    }
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
