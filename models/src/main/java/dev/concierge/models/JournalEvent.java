package dev.concierge.models;

/** What a customer's journal holds: each persisted fact the customer's state is folded from. */
public interface JournalEvent {}
