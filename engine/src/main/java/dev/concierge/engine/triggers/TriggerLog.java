package dev.concierge.engine.triggers;

/** Where fired triggers are published; publishing never blocks the customer's actor. */
@FunctionalInterface
public interface TriggerLog {

  TriggerLog NONE = record -> {};

  void publish(TriggerRecord record);
}
