package dev.concierge.offline.backtest;

import java.time.Instant;

/** A model's rank quality over the cases of one time bucket, for "metrics over time" plots. */
public record TimeBucket(Instant start, RankQuality quality) {}
