package dev.concierge.offline.importing;

import com.typesafe.config.Config;
import java.time.Instant;
import java.util.List;

/**
 * How files are imported, read from {@code concierge.import}.
 *
 * @param sniffLines        the first non-blank lines read to tell the delimiter
 * @param sniffAgreement    the share of them that must split into the same number of columns
 * @param examplesPerReason the lines shown for each reason rows were left out
 * @param maxLineBytes      a longer line is a bad row (its content is not kept)
 * @param purchaseThreshold the default least rating of a purchase
 * @param rowOrderStart     the time of line 0 of a ratings file without times (line n is n seconds later)
 * @param nonProductCodes   the item codes of invoice lines that are no product
 */
public record ImportSettings(
    int sniffLines,
    double sniffAgreement,
    int examplesPerReason,
    int maxLineBytes,
    double purchaseThreshold,
    Instant rowOrderStart,
    List<String> nonProductCodes) {

  public ImportSettings {
    nonProductCodes = List.copyOf(nonProductCodes);
  }

  public static ImportSettings fromConfig(Config concierge) {
    Config settings = concierge.getConfig("import");
    return new ImportSettings(
        settings.getInt("sniff-lines"),
        settings.getDouble("sniff-agreement"),
        settings.getInt("examples-per-reason"),
        (int) settings.getBytes("max-line-bytes").longValue(),
        settings.getDouble("purchase-threshold"),
        Instant.parse(settings.getString("row-order-start")),
        settings.getStringList("invoice.non-product-codes"));
  }
}
