package dev.concierge.tools.importing;

import dev.concierge.offline.importing.ImportFormat;
import dev.concierge.offline.importing.ImportSettings;
import dev.concierge.offline.importing.InvoiceFormat;
import dev.concierge.offline.importing.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/concierge import invoices}: invoice lines such as the UCI Online Retail sets. */
@Command(
    name = "invoices",
    description = {
      "Invoice lines (the UCI Online Retail sets): each line a customer bought is a purchase.",
      "Invoice lines, as the UCI Online Retail sets write them (InvoiceNo,StockCode,Description,Quantity,InvoiceDate,"
          + "UnitPrice,CustomerID,Country, or Online Retail II's names). Each line a customer bought is a purchase of"
          + " its quantity at its unit price, in a session that is its invoice.",
      "Left out, and counted by reason: lines without a customer, cancellations (an invoice starting with C), lines"
          + " of no positive quantity (returns, stock adjustments), lines that are no product (postage, fees,"
          + " discounts: --non-product-codes), and lines of no positive price (gifts, write-offs).",
      "The catalog gives each item its first description as title, the median of its unit prices as price, and the"
          + " category unknown. Times without an offset are in --zone (UTC)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/concierge import invoices online-retail.csv --out retail.jsonl",
      "  bin/concierge import invoices data.csv --charset ISO-8859-1 --time-format 'M/d/yyyy H:mm' --out retail.jsonl"
    })
final class InvoicesImport extends ImportTool {

  @Option(names = "--non-product-codes", paramLabel = "CODE", split = ",",
      description = "item codes (any case) whose lines are no product (default concierge.import.invoice"
          + ".non-product-codes: POST, DOT, C2, M, D, BANK CHARGES, ...)")
  private List<String> nonProductCodes;

  @Override
  protected ImportFormat format(ImportSettings settings, Map<Role, String> named) {
    return new InvoiceFormat(Set.copyOf(nonProductCodes == null ? settings.nonProductCodes() : nonProductCodes), named);
  }
}
