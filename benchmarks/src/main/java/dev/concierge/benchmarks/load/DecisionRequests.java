package dev.concierge.benchmarks.load;

import java.net.URI;
import java.util.SplittableRandom;

/**
 * Decision requests as a storefront sends them, prepared once: random customers of the simulated
 * population ({@code sim-c-1..N}), half on a product page of the demo catalog and half on the home
 * page. Preparing them keeps the load generator from allocating per request.
 */
final class DecisionRequests {

  static final String PATH = "/v1/decisions";
  private static final int LIMIT = 10;

  private final byte[][] requests;

  DecisionRequests(URI target, int customers, int catalogItems, int distinct, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    requests = new byte[distinct][];
    for (int i = 0; i < distinct; i++) {
      String customer = "sim-c-" + (1 + random.nextInt(customers));
      String context = random.nextBoolean()
          ? "{\"itemId\":\"sku-" + random.nextInt(catalogItems) + "\",\"page\":\"product\"}"
          : "{\"page\":\"home\"}";
      String body = "{\"customerId\":\"" + customer + "\",\"limit\":" + LIMIT + ",\"context\":" + context + "}";
      requests[i] = RequestBytes.post(target, PATH, body);
    }
  }

  byte[] get(long sequence) {
    return requests[(int) (sequence % requests.length)];
  }
}
