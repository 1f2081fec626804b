package dev.concierge.models.recommend;

/** An item often seen with another, or near it, and how strongly (a cosine, in (0, 1]). */
public record Neighbour(String itemId, float weight) {}
