package dev.concierge.engine.sharding;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** The shards this node's region hosts now, each with the number of its customers in memory. */
@FunctionalInterface
public interface LocalShards {

  /** Fails when the region does not answer in time, or does not run yet. */
  CompletionStage<Map<String, Integer>> hosted();
}
