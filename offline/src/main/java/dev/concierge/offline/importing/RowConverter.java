package dev.concierge.offline.importing;

/** Turns the fields of one row of a file into what the row gives, for one format bound to the file's columns. */
@FunctionalInterface
interface RowConverter {

  /**
   * @param line the row's 1-based line number in the file
   * @throws RowRejected when the row is bad, or a rule of the format leaves it out
   */
  ImportedRow convert(String[] row, long line);
}
