package dev.concierge.benchmarks.ingestion;

/**
 * What the consumer group had committed at one instant.
 *
 * @param seconds   since the benchmark started sampling
 * @param committed records committed over all partitions
 */
record CommitSample(double seconds, long committed) {}
