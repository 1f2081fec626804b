package dev.concierge.offline.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImplicitFactorisationTest {

  private static final int GROUPS = 4;
  private static final int CUSTOMERS_PER_GROUP = 30;
  private static final int ITEMS_PER_GROUP = 25;
  private static final double TOUCHED_SHARE = 0.4;
  private static final ImplicitFactorisation.Settings SETTINGS = new ImplicitFactorisation.Settings(8, 10, 0.5, 10, 3);

  /** Customers of a group touch a random share of their group's items; one touch each is held out. */
  private record Planted(PairTally seen, int[] heldOut) {}

  @Test
  void heldOutItemsOfACustomersGroupRankAboveItemsOfOtherGroups() {
    Planted planted = plant(new Random(11));
    ImplicitFactorisation.Factors factors =
        ImplicitFactorisation.factorise(planted.seen(), customers(), items(), SETTINGS);

    long pairs = 0;
    long heldOutAbove = 0;
    for (int customer = 0; customer < customers(); customer++) {
      double heldOutScore = factors.score(customer, planted.heldOut()[customer]);
      for (int item = 0; item < items(); item++) {
        if (groupOfItem(item) != groupOfCustomer(customer)) {
          pairs++;
          heldOutAbove += heldOutScore > factors.score(customer, item) ? 1 : 0;
        }
      }
    }
    double auc = (double) heldOutAbove / pairs;
    assertTrue(auc > 0.95, "held-out items of the customer's own group ranked above other groups' in " + auc);
  }

  @Test
  void untouchedItemsOfTheSameGroupScoreAboveUntouchedItemsOfOtherGroups() {
    Planted planted = plant(new Random(5));
    ImplicitFactorisation.Factors factors =
        ImplicitFactorisation.factorise(planted.seen(), customers(), items(), SETTINGS);

    int customer = 0;
    double ownGroup = meanUntouched(factors, planted.seen(), customer, true);
    double otherGroups = meanUntouched(factors, planted.seen(), customer, false);
    assertTrue(ownGroup > otherGroups + 0.1, "own group " + ownGroup + ", other groups " + otherGroups);
  }

  @Test
  void theSameInteractionsAndSeedGiveTheSameVectors() {
    ImplicitFactorisation.Factors first =
        ImplicitFactorisation.factorise(plant(new Random(2)).seen(), customers(), items(), SETTINGS);
    ImplicitFactorisation.Factors second =
        ImplicitFactorisation.factorise(plant(new Random(2)).seen(), customers(), items(), SETTINGS);

    assertArrayEquals(first.items(), second.items(), 0);
    assertArrayEquals(first.customers(), second.customers(), 0);
  }

  @Test
  void choleskySolvesASymmetricPositiveDefiniteSystem() {
    Random random = new Random(9);
    int k = 6;
    double[][] m = new double[k][k];
    for (double[] row : m) {
      for (int j = 0; j < k; j++) {
        row[j] = random.nextGaussian();
      }
    }
    double[] lower = new double[k * k];
    double[][] full = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        double sum = a == b ? 1 : 0;
        for (int j = 0; j < k; j++) {
          sum += m[a][j] * m[b][j];
        }
        full[a][b] = sum;
        if (b <= a) {
          lower[a * k + b] = sum;
        }
      }
    }
    double[] x = new double[k];
    for (int i = 0; i < k; i++) {
      x[i] = random.nextGaussian();
    }
    double[] b = new double[k];
    for (int a = 0; a < k; a++) {
      for (int j = 0; j < k; j++) {
        b[a] += full[a][j] * x[j];
      }
    }

    ImplicitFactorisation.Cholesky.solveInPlace(lower, b, k);

    assertArrayEquals(x, b, 1e-9);
  }

  @Test
  void anItemNobodyTouchedGetsAZeroVector() {
    PairTally seen = new PairTally();
    seen.add(0, 0, 1);
    seen.add(1, 1, 8);

    ImplicitFactorisation.Factors factors = ImplicitFactorisation.factorise(seen, 2, 3, SETTINGS);

    for (int f = 0; f < SETTINGS.factors(); f++) {
      assertEquals(0, factors.items()[2 * SETTINGS.factors() + f]);
    }
  }

  private static double meanUntouched(
      ImplicitFactorisation.Factors factors, PairTally seen, int customer, boolean sameGroup) {
    List<Double> scores = new ArrayList<>();
    for (int item = 0; item < items(); item++) {
      boolean same = groupOfItem(item) == groupOfCustomer(customer);
      if (same == sameGroup && seen.get(customer, item) == 0) {
        scores.add(factors.score(customer, item));
      }
    }
    return scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  private static Planted plant(Random random) {
    PairTally seen = new PairTally();
    int[] heldOut = new int[customers()];
    for (int customer = 0; customer < customers(); customer++) {
      int group = groupOfCustomer(customer);
      List<Integer> touched = new ArrayList<>();
      for (int i = 0; i < ITEMS_PER_GROUP; i++) {
        if (random.nextDouble() < TOUCHED_SHARE) {
          touched.add(group * ITEMS_PER_GROUP + i);
        }
      }
      heldOut[customer] = touched.remove(random.nextInt(touched.size()));
      for (int item : touched) {
        seen.add(customer, item, 1 + random.nextInt(8));
      }
      // noise: now and then an item of another group
      seen.add(customer, random.nextInt(items()), 1);
    }
    return new Planted(seen, heldOut);
  }

  private static int customers() {
    return GROUPS * CUSTOMERS_PER_GROUP;
  }

  private static int items() {
    return GROUPS * ITEMS_PER_GROUP;
  }

  private static int groupOfCustomer(int customer) {
    return customer / CUSTOMERS_PER_GROUP;
  }

  private static int groupOfItem(int item) {
    return item / ITEMS_PER_GROUP;
  }
}
