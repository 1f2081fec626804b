package dev.concierge.models.recommend;

/** An item often seen with another, and how strongly (cosine of their session co-occurrence, in (0, 1]). */
public record Neighbour(String itemId, float weight) {}
