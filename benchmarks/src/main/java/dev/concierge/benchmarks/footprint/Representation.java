package dev.concierge.benchmarks.footprint;

/** One way to keep a customer's features and dedupe window in memory. */
interface Representation {

  String name();

  /** Folds the customer's history in and returns what stays in memory for that customer. */
  Object build(int customer);

  /** Whether every bounded part of {@code state} is full: whether it holds the standard feature set. */
  boolean isFull(Object state);
}
