package dev.concierge.benchmarks.serialization;

/** One format for one message type: the bytes of a value, and the value back from its bytes. */
public interface MessageCodec {

  byte[] toBinary(Object value);

  Object fromBinary(byte[] bytes);
}
