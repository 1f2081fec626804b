package dev.concierge.models.scoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The features a model reads, in the order of the dense {@code double[]} rows that scorers take. The
 * version names the code that computes them: a bundle trained on other feature code is refused even when
 * the names line up, because the same name may then mean a different number.
 *
 * @param version identifies the feature code, e.g. {@code "recommender-v3"}
 * @param names   feature names; a name's position is its index in every row
 */
public record FeatureSchema(String version, List<String> names) {

  public FeatureSchema {
    Objects.requireNonNull(version, "version");
    if (version.isBlank()) {
      throw new IllegalArgumentException("a feature schema needs a version");
    }
    names = List.copyOf(names);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("feature schema " + version + " has no features");
    }
    Set<String> seen = new HashSet<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (String name : names) {
      if (name.isBlank()) {
        throw new IllegalArgumentException("feature schema " + version + " has a blank feature name");
      }
      if (!seen.add(name)) {
        duplicates.add(name);
      }
    }
    if (!duplicates.isEmpty()) {
      throw new IllegalArgumentException("feature schema " + version + " names features twice: " + duplicates);
    }
  }

  public static FeatureSchema of(String version, String... names) {
    return new FeatureSchema(version, List.of(names));
  }

  public int size() {
    return names.size();
  }

  public boolean contains(String name) {
    return names.contains(name);
  }

  /** The position of {@code name} in a row; schemas are small and this runs when a model is compiled, not per row. */
  public int index(String name) {
    int index = names.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("feature '" + name + "' is not in feature schema " + version);
    }
    return index;
  }

  /**
   * Checks that this schema (a model bundle's) is exactly the one the running code computes.
   *
   * @throws FeatureSchemaMismatchException naming the version difference and the missing, extra and
   *     reordered features
   */
  public void validateAgainst(FeatureSchema running) {
    if (equals(running)) {
      return;
    }
    List<String> problems = new ArrayList<>();
    if (!version.equals(running.version)) {
      problems.add("version differs (bundle " + version + ", running " + running.version + ")");
    }
    List<String> missing = absentFrom(names, running.names);
    if (!missing.isEmpty()) {
      problems.add("the running code does not compute " + missing);
    }
    List<String> extra = absentFrom(running.names, names);
    if (!extra.isEmpty()) {
      problems.add("the bundle does not know " + extra);
    }
    List<String> reordered = reordered(running);
    if (!reordered.isEmpty()) {
      problems.add("in a different position " + reordered);
    }
    throw new FeatureSchemaMismatchException(
        "model bundle's feature schema " + version + " does not match the running feature schema "
            + running.version + ": " + String.join("; ", problems));
  }

  private static List<String> absentFrom(List<String> these, List<String> others) {
    return these.stream().filter(name -> !others.contains(name)).toList();
  }

  /**
   * Shared features whose rank among the shared features differs, so that one missing feature does not
   * report every feature after it as moved.
   */
  private List<String> reordered(FeatureSchema running) {
    List<String> bundleShared = names.stream().filter(running.names::contains).toList();
    List<String> runningShared = running.names.stream().filter(names::contains).toList();
    List<String> moved = new ArrayList<>();
    for (int i = 0; i < bundleShared.size(); i++) {
      String name = bundleShared.get(i);
      if (!name.equals(runningShared.get(i))) {
        moved.add(name + " (bundle #" + index(name) + ", running #" + running.index(name) + ")");
      }
    }
    return moved;
  }
}
