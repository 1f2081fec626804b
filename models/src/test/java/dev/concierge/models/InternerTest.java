package dev.concierge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class InternerTest {

  @Test
  void aNewInternerKnowsNoName() {
    Interner interner = new Interner(10);

    assertEquals(0, interner.size());
    assertEquals(Interner.UNKNOWN, interner.codeOf("tents"));
  }

  @Test
  void codesAreDenseFromZeroInTheOrderNamesArrive() {
    Interner interner = new Interner(10);

    assertEquals(0, interner.intern("tents"));
    assertEquals(1, interner.intern("shoes"));
    assertEquals(2, interner.intern("socks"));
    assertEquals(3, interner.size());
  }

  @Test
  void aNameKeepsItsCode() {
    Interner interner = new Interner(10);
    int tents = interner.intern("tents");
    interner.intern("shoes");

    assertEquals(tents, interner.intern("tents"));
    assertEquals(tents, interner.intern(new String("tents")), "equal names share a code, not just identical ones");
    assertEquals(tents, interner.codeOf("tents"));
    assertEquals(2, interner.size(), "interning a known name assigns nothing");
  }

  @Test
  void nameOfRoundTripsEveryCode() {
    Interner interner = new Interner(5_000);
    for (int i = 0; i < 3_000; i++) {
      assertEquals(i, interner.intern("sku-" + i));
    }

    for (int i = 0; i < 3_000; i++) {
      assertEquals("sku-" + i, interner.nameOf(i), "beyond the initial array, too");
    }
  }

  @Test
  void codeOfDoesNotLearnANewName() {
    Interner interner = new Interner(10);
    interner.intern("tents");

    assertEquals(Interner.UNKNOWN, interner.codeOf("shoes"));

    assertEquals(1, interner.size());
    assertEquals(1, interner.intern("shoes"), "the next code was not used up by the lookup");
  }

  @Test
  void atCapacityNewNamesStayUnknownAndKnownNamesKeepTheirCodes() {
    Interner interner = new Interner(2);
    interner.intern("a");
    interner.intern("b");

    assertEquals(Interner.UNKNOWN, interner.intern("c"));
    assertEquals(Interner.UNKNOWN, interner.codeOf("c"), "a refused name is not remembered either");
    assertEquals(0, interner.intern("a"));
    assertEquals(1, interner.intern("b"));
    assertEquals(2, interner.size());
  }

  @Test
  void aCapacityAboveTheInitialArrayIsHonouredExactly() {
    Interner interner = new Interner(1_500);
    for (int i = 0; i < 1_500; i++) {
      assertEquals(i, interner.intern("n-" + i));
    }

    assertEquals(Interner.UNKNOWN, interner.intern("one-too-many"));
    assertEquals("n-1499", interner.nameOf(1_499));
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void concurrentInterningGivesEveryNameExactlyOneCode() throws Exception {
    int threads = 8;
    int names = 5_000; // beyond the initial array, so the names array grows while others read it
    Interner interner = new Interner(100_000);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    Map<String, Set<Integer>> codesSeen = new ConcurrentHashMap<>();
    List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * 617;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < names; i++) {
                    // every thread visits all names, each starting somewhere else
                    String name = "sku-" + ((i + offset) % names);
                    int code = interner.intern(name);
                    codesSeen.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(code);
                    String back = interner.nameOf(code);
                    if (!name.equals(back)) {
                      mismatches.add(name + " -> " + code + " -> " + back);
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertTrue(mismatches.isEmpty(), () -> "nameOf(intern(name)) differed: " + mismatches.subList(0, Math.min(5, mismatches.size())));
    assertEquals(names, interner.size());
    Map<Integer, String> byCode = new HashMap<>();
    for (Map.Entry<String, Set<Integer>> seen : codesSeen.entrySet()) {
      assertEquals(1, seen.getValue().size(), seen.getKey() + " got several codes: " + seen.getValue());
      int code = seen.getValue().iterator().next();
      String previous = byCode.put(code, seen.getKey());
      assertNull(previous, "code " + code + " given to " + previous + " and " + seen.getKey());
      assertEquals(seen.getKey(), interner.nameOf(code));
    }
    assertEquals(new HashSet<>(byCode.keySet()), denseCodes(names), "codes are dense from 0");
  }

  private static Set<Integer> denseCodes(int count) {
    Set<Integer> codes = new HashSet<>();
    for (int i = 0; i < count; i++) {
      codes.add(i);
    }
    return codes;
  }
}
