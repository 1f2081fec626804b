package dev.concierge.engine.model;

import dev.concierge.models.recommend.BundleMetadata;
import java.time.Instant;

/** A published bundle as listed, without its model bytes. */
public record BundleSummary(String version, String kind, Instant publishedAt, BundleMetadata metadata) {}
