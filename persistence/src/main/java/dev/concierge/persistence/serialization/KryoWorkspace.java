package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * A Kryo with an output and an input buffer of its own, pooled together: one pool round trip serves a
 * message, and reading reuses the input and its string buffer instead of allocating them per message.
 * Not thread-safe, like the Kryo in it.
 */
final class KryoWorkspace {

  private static final byte[] NO_BYTES = {};

  private final Kryo kryo;
  private final Output output;
  private final Input input = new Input(NO_BYTES);

  KryoWorkspace(Kryo kryo, Output output) {
    this.kryo = kryo;
    this.output = output;
  }

  byte[] write(Object message) {
    try {
      kryo.writeClassAndObject(output, message);
      return output.toBytes();
    } finally {
      output.reset();
    }
  }

  Object read(byte[] bytes) {
    input.setBuffer(bytes);
    try {
      return kryo.readClassAndObject(input);
    } finally {
      // a pooled workspace must not keep the last message reachable
      input.setBuffer(NO_BYTES);
    }
  }
}
