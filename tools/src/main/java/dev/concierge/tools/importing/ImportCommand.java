package dev.concierge.tools.importing;

import picocli.CommandLine.Command;

/** {@code bin/concierge import}: public data sets into history files and catalogs, one subcommand per format. */
@Command(
    name = "import",
    description = {
      "Turns a delimited text file of a public data set into a history file (customer-events JSON lines, by time) and"
          + " a catalog (JSON lines of the catalog topic's shape), which replay, train and backtest read with"
          + " --source file:EVENTS --catalog file:CATALOG.",
      "Rows that give no event are counted by reason, with their line numbers, and the import goes on."
    },
    subcommands = {RatingsImport.class, InvoicesImport.class, MappedImport.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/concierge import ratings ml-latest-small/ratings.csv --out ml.jsonl",
      "  bin/concierge import invoices online-retail.csv --out retail.jsonl",
      "  bin/concierge import mapped events.csv --map customer=visitorid,item=itemid,type=event,timestamp=timestamp \\",
      "      --types view=view,add_to_cart=addtocart,purchase=transaction --out retailrocket.jsonl"
    })
public final class ImportCommand {}
