package dev.concierge.models.recommend;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which bundle serves whom: the active version, and A/B experiments that split customers between
 * versions by weight. A customer's arm is a stable hash of experiment name and customer id, so the
 * same shopper sees the same arm on every node and every request, and arms of different experiments
 * are independent. While experiments run, the first by name decides; otherwise the active version.
 *
 * @param activeVersion the version serving everyone outside experiments, or {@code null} for the
 *     node's built-in heuristic
 * @param experiments   experiment name to arms (version to weight > 0)
 */
public record ModelAssignment(String activeVersion, Map<String, Map<String, Double>> experiments) {

  public static final ModelAssignment NONE = new ModelAssignment(null, Map.of());

  private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final double UNIT = 0x1p-53;

  public ModelAssignment {
    Map<String, Map<String, Double>> copy = new TreeMap<>();
    experiments.forEach((name, arms) -> copy.put(name, Map.copyOf(validArms(name, arms))));
    experiments = Map.copyOf(copy);
  }

  /** What one customer is served, and under which experiment and arm (both null outside experiments). */
  public record Choice(String version, String experiment, String arm) {}

  public Choice choose(String customerId) {
    if (experiments.isEmpty()) {
      return new Choice(activeVersion, null, null);
    }
    String experiment = new TreeMap<>(experiments).firstKey();
    String arm = arm(experiment, experiments.get(experiment), customerId);
    return new Choice(arm, experiment, arm);
  }

  public ModelAssignment activate(String version) {
    return new ModelAssignment(Objects.requireNonNull(version, "version"), experiments);
  }

  public ModelAssignment withExperiment(String name, Map<String, Double> arms) {
    Map<String, Map<String, Double>> next = new TreeMap<>(experiments);
    if (arms.isEmpty()) {
      next.remove(name);
    } else {
      next.put(name, arms);
    }
    return new ModelAssignment(activeVersion, next);
  }

  private static String arm(String experiment, Map<String, Double> arms, String customerId) {
    TreeMap<String, Double> ordered = new TreeMap<>(arms);
    double total = ordered.values().stream().mapToDouble(Double::doubleValue).sum();
    double point = unitHash(experiment + '\u0000' + customerId) * total;
    String last = null;
    for (Map.Entry<String, Double> arm : ordered.entrySet()) {
      last = arm.getKey();
      point -= arm.getValue();
      if (point < 0) {
        return last;
      }
    }
    return last;
  }

  /** A hash of {@code key} in [0, 1): FNV-1a 64 over the UTF-8 bytes, stable across JVMs and versions. */
  static double unitHash(String key) {
    long hash = FNV_OFFSET_BASIS;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= FNV_PRIME;
    }
    // the low bits of FNV mix poorly; a final avalanche spreads them before taking 53 bits
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    return (hash >>> 11) * UNIT;
  }

  private static Map<String, Double> validArms(String name, Map<String, Double> arms) {
    if (arms.isEmpty()) {
      throw new IllegalArgumentException("experiment '" + name + "' needs at least one arm");
    }
    arms.forEach((version, weight) -> {
      if (weight == null || !Double.isFinite(weight) || weight <= 0) {
        throw new IllegalArgumentException(
            "experiment '" + name + "': the weight of arm '" + version + "' must be a number > 0, was " + weight);
      }
    });
    return arms;
  }
}
