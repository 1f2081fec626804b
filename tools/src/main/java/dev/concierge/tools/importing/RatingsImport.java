package dev.concierge.tools.importing;

import dev.concierge.offline.importing.ImportFormat;
import dev.concierge.offline.importing.ImportSettings;
import dev.concierge.offline.importing.RatingsFormat;
import dev.concierge.offline.importing.Role;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/concierge import ratings}: ratings files, a rating threshold telling purchases from views. */
@Command(
    name = "ratings",
    description = {
      "Ratings (MovieLens, Amazon, Book-Crossing): a rating threshold tells purchases from views.",
      "Customer, item, rating and time, in that order without a header (MovieLens 100k's u.data, 1M's"
          + " ratings.dat, Amazon's ratings-only CSVs), or in any order under a header that names them (MovieLens'"
          + " userId,movieId,rating,timestamp; Book-Crossing's \"User-ID\";\"ISBN\";\"Book-Rating\"). A rating of at"
          + " least --purchase-threshold is a purchase, any other a view. A file without times gets the row order as"
          + " times, one second apart (concierge.import.row-order-start). The catalog lists the items under the"
          + " category unknown, without price or title."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/concierge import ratings ml-latest-small/ratings.csv --out ml.jsonl",
      "  bin/concierge import ratings ml-100k/u.data --purchase-threshold 4 --out ml100k.jsonl",
      "  bin/concierge import ratings ratings_Books.csv --out books.jsonl",
      "  bin/concierge import ratings BX-Book-Ratings.csv --charset ISO-8859-1 --purchase-threshold 8 --out bx.jsonl"
    })
final class RatingsImport extends ImportTool {

  @Option(names = "--purchase-threshold", paramLabel = "R",
      description = "the least rating of a purchase (default concierge.import.purchase-threshold, 4.0)")
  private Double purchaseThreshold;

  @Override
  protected ImportFormat format(ImportSettings settings, Map<Role, String> named) {
    return new RatingsFormat(purchaseThreshold == null ? settings.purchaseThreshold() : purchaseThreshold, named,
        settings.rowOrderStart());
  }
}
