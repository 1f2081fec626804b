package dev.concierge.offline.importing;

import java.util.List;
import java.util.Locale;

/**
 * What a column of an imported file means, and the header names that say so, most telling first.
 * Header names are compared in lower case without anything but letters and digits, so that
 * {@code User-ID}, {@code user_id} and {@code userId} all name the customer.
 */
public enum Role {
  CUSTOMER("customer", "userid", "customerid", "user", "customer", "reviewerid", "visitorid", "memberid", "uid"),
  ITEM("item", "itemid", "movieid", "stockcode", "productid", "asin", "isbn", "bookid", "sku", "item", "product",
      "trackid", "iid"),
  TIMESTAMP("timestamp", "timestamp", "invoicedate", "eventtime", "unixreviewtime", "datetime", "time", "ts", "date"),
  TYPE("type", "eventtype", "event", "type", "action"),
  RATING("rating", "rating", "bookrating", "score", "stars", "overall"),
  PRICE("price", "unitprice", "price"),
  QUANTITY("quantity", "quantity", "qty"),
  SESSION("session", "sessionid", "session"),
  TITLE("title", "title", "description", "name", "productname"),
  CATEGORY("category", "category", "categoryid", "genre"),
  INVOICE("invoice", "invoiceno", "invoice", "invoiceid", "orderid");

  private final String label;
  private final List<String> headerNames;

  Role(String label, String... headerNames) {
    this.label = label;
    this.headerNames = List.of(headerNames);
  }

  /** The name a user gives it in {@code --map} and {@code --columns}. */
  public String label() {
    return label;
  }

  /** The role of {@code label}, or null. */
  public static Role labelled(String label) {
    for (Role role : values()) {
      if (role.label.equals(label.strip().toLowerCase(Locale.ROOT))) {
        return role;
      }
    }
    return null;
  }

  /** How well {@code header} names this role: 0 is best, -1 not at all. */
  int rank(String header) {
    return headerNames.indexOf(normalized(header));
  }

  static String normalized(String header) {
    StringBuilder name = new StringBuilder(header.length());
    for (int i = 0; i < header.length(); i++) {
      char c = Character.toLowerCase(header.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        name.append(c);
      }
    }
    return name.toString();
  }
}
