package dev.concierge.offline.importing;

import java.util.Map;

/** A kind of file that import turns into events: which columns it reads, and how a row becomes an event. */
public sealed interface ImportFormat permits RatingsFormat, InvoiceFormat, MappedFormat {

  /** For the summary: {@code ratings (purchase from rating 4.0)}. */
  String describe();

  Layout layout();

  /** The columns the user named, by role: a header name or a column number from 1. */
  Map<Role, String> named();

  RowConverter converter(Columns columns, TimeReader times);
}
