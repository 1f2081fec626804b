package dev.concierge.offline.training;

import java.util.Random;

/**
 * Matrix factorisation for implicit feedback by alternating least squares (Hu, Koren and Volinsky,
 * "Collaborative Filtering for Implicit Feedback Datasets", 2008): every customer-item cell is a
 * preference (1 where the customer touched the item, else 0) with a confidence that grows with how
 * much they did, {@code 1 + alpha * log(1 + weight)}; customer and item vectors are solved in turn, each
 * exactly, by a Cholesky factorisation of a {@code factors x factors} system. Deterministic: the item
 * vectors start from a seeded draw, and every sum runs in the same order.
 */
public final class ImplicitFactorisation {

  /**
   * @param factors        the length of every vector
   * @param iterations     rounds of solving customers, then items
   * @param regularisation the ridge added to every system, which keeps rarely seen vectors small
   * @param alpha          how fast confidence grows with the weight of a cell
   * @param seed           seeds the items' starting vectors
   */
  public record Settings(int factors, int iterations, double regularisation, double alpha, long seed) {

    public Settings {
      if (factors < 1 || iterations < 1 || regularisation <= 0 || alpha < 0) {
        throw new IllegalArgumentException(
            "factorisation needs at least one factor and one iteration, regularisation above 0 and alpha at least 0");
      }
    }
  }

  /** Customer and item vectors, row after row. */
  record Factors(int factors, double[] customers, double[] items) {

    double score(int customer, int item) {
      double dot = 0;
      for (int f = 0; f < factors; f++) {
        dot += customers[customer * factors + f] * items[item * factors + f];
      }
      return dot;
    }
  }

  private static final double INITIAL_SCALE = 0.1;

  private ImplicitFactorisation() {}

  /**
   * @param weights   per (customer, item) code, how much the customer interacted with the item
   * @param customers how many customer codes there are (0 .. customers - 1)
   * @param items     how many item codes there are
   */
  static Factors factorise(PairTally weights, int customers, int items, Settings settings) {
    int k = settings.factors();
    SparseRows byCustomer = SparseRows.of(weights, customers, false, settings.alpha());
    SparseRows byItem = SparseRows.of(weights, items, true, settings.alpha());
    double[] customerVectors = new double[customers * k];
    double[] itemVectors = new double[items * k];
    Random random = new Random(settings.seed());
    for (int i = 0; i < itemVectors.length; i++) {
      itemVectors[i] = random.nextGaussian() * INITIAL_SCALE;
    }
    for (int iteration = 0; iteration < settings.iterations(); iteration++) {
      solve(itemVectors, byCustomer, customerVectors, k, settings.regularisation());
      solve(customerVectors, byItem, itemVectors, k, settings.regularisation());
    }
    return new Factors(k, customerVectors, itemVectors);
  }

  /** Solves every row's vector against the other side's fixed vectors. */
  private static void solve(double[] fixed, SparseRows rows, double[] out, int k, double regularisation) {
    double[] gram = gram(fixed, k);
    double[] system = new double[k * k];
    double[] rightHand = new double[k];
    for (int row = 0; row < rows.count(); row++) {
      System.arraycopy(gram, 0, system, 0, gram.length);
      for (int d = 0; d < k; d++) {
        system[d * k + d] += regularisation;
        rightHand[d] = 0;
      }
      for (int at = rows.start(row); at < rows.start(row + 1); at++) {
        int offset = rows.column(at) * k;
        double confidence = rows.confidence(at);
        for (int a = 0; a < k; a++) {
          double scaled = (confidence - 1) * fixed[offset + a];
          for (int b = 0; b <= a; b++) {
            system[a * k + b] += scaled * fixed[offset + b];
          }
          rightHand[a] += confidence * fixed[offset + a];
        }
      }
      Cholesky.solveInPlace(system, rightHand, k);
      System.arraycopy(rightHand, 0, out, row * k, k);
    }
  }

  /** The lower triangle of F^T F. */
  private static double[] gram(double[] vectors, int k) {
    double[] gram = new double[k * k];
    for (int offset = 0; offset < vectors.length; offset += k) {
      for (int a = 0; a < k; a++) {
        double va = vectors[offset + a];
        for (int b = 0; b <= a; b++) {
          gram[a * k + b] += va * vectors[offset + b];
        }
      }
    }
    return gram;
  }

  /** The cells of one side in compressed rows: per row, its columns and confidences. */
  private record SparseRows(int[] starts, int[] columns, double[] confidences) {

    static SparseRows of(PairTally weights, int rows, boolean byItem, double alpha) {
      int[] starts = new int[rows + 1];
      weights.forEach((customer, item, weight) -> starts[(byItem ? item : customer) + 1]++);
      for (int row = 0; row < rows; row++) {
        starts[row + 1] += starts[row];
      }
      int[] next = starts.clone();
      int[] columns = new int[weights.size()];
      double[] confidences = new double[weights.size()];
      weights.forEach((customer, item, weight) -> {
        int at = next[byItem ? item : customer]++;
        columns[at] = byItem ? customer : item;
        confidences[at] = 1 + alpha * Math.log1p(weight);
      });
      return new SparseRows(starts, columns, confidences);
    }

    int count() {
      return starts.length - 1;
    }

    int start(int row) {
      return starts[row];
    }

    int column(int at) {
      return columns[at];
    }

    double confidence(int at) {
      return confidences[at];
    }
  }

  /** Solves A x = b for a symmetric positive definite A given by its lower triangle. */
  static final class Cholesky {

    private Cholesky() {}

    /** Overwrites {@code lower} with its Cholesky factor and {@code b} with the solution. */
    static void solveInPlace(double[] lower, double[] b, int k) {
      for (int j = 0; j < k; j++) {
        double diagonal = lower[j * k + j];
        for (int m = 0; m < j; m++) {
          diagonal -= lower[j * k + m] * lower[j * k + m];
        }
        if (diagonal <= 0) {
          throw new ArithmeticException("the system is not positive definite");
        }
        double pivot = Math.sqrt(diagonal);
        lower[j * k + j] = pivot;
        for (int i = j + 1; i < k; i++) {
          double sum = lower[i * k + j];
          for (int m = 0; m < j; m++) {
            sum -= lower[i * k + m] * lower[j * k + m];
          }
          lower[i * k + j] = sum / pivot;
        }
      }
      for (int i = 0; i < k; i++) {
        double sum = b[i];
        for (int m = 0; m < i; m++) {
          sum -= lower[i * k + m] * b[m];
        }
        b[i] = sum / lower[i * k + i];
      }
      for (int i = k - 1; i >= 0; i--) {
        double sum = b[i];
        for (int m = i + 1; m < k; m++) {
          sum -= lower[m * k + i] * b[m];
        }
        b[i] = sum / lower[i * k + i];
      }
    }
  }
}
