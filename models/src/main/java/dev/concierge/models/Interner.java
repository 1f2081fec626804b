package dev.concierge.models;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps strings to dense int codes and back, so per-customer state can hold {@code int}s instead of
 * references to strings. Codes are stable for the life of the interner and never leave the process:
 * whatever is persisted or sent stays a string. Thread-safe; lookups of known strings take no lock.
 */
public final class Interner {

  /** The code of a string this interner does not know and will not learn. */
  public static final int UNKNOWN = -1;

  private static final int INITIAL_CAPACITY = 1024;

  private final int capacity;
  private final ConcurrentHashMap<String, Integer> codes = new ConcurrentHashMap<>();
  private volatile String[] names = new String[INITIAL_CAPACITY];
  // written under the lock after the code is published; read without it, so that a customer can tell
  // with one read whether anything was learnt since it last looked (FeatureState#adoptSharedCodes)
  private volatile int size;

  /** @param capacity most strings ever interned; beyond it, new strings stay {@link #UNKNOWN} */
  public Interner(int capacity) {
    this.capacity = capacity;
  }

  /** The code of {@code name}, assigning the next one if it is new and there is room. */
  public int intern(String name) {
    Integer code = codes.get(name);
    return code != null ? code : add(name);
  }

  /** The code of {@code name}, or {@link #UNKNOWN} without learning it. */
  public int codeOf(String name) {
    Integer code = codes.get(name);
    return code == null ? UNKNOWN : code;
  }

  public String nameOf(int code) {
    return names[code];
  }

  /** How many names have codes: it only grows, so an unchanged size means nothing was learnt. */
  public int size() {
    return size;
  }

  private synchronized int add(String name) {
    Integer existing = codes.get(name);
    if (existing != null) {
      return existing;
    }
    if (size == capacity) {
      return UNKNOWN;
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, Math.min(capacity, names.length * 2));
    }
    // publish the name before the code, so that whoever sees the code can read the name
    String[] current = names;
    current[size] = name;
    names = current;
    codes.put(name, size);
    return size++;
  }
}
