package dev.concierge.testing;

/** Closes what a test started, every one of them even when one before fails, so that no process outlives it. */
public final class Closing {

  private Closing() {}

  /** Closes each in order, skipping nulls; rethrows the first failure once all were tried. */
  public static void all(AutoCloseable... closeables) throws Exception {
    Exception first = null;
    for (AutoCloseable closeable : closeables) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
