package dev.concierge.benchmarks.serialization;

/** The serialization formats compared. */
public enum Format {
  /** Our production serializer ({@code KryoSerializer}), as Pekko calls it. */
  KRYO,
  /** Jackson on CBOR, the binary format of Pekko's own Jackson serializer. */
  JACKSON_CBOR,
  /** Java serialization ({@code ObjectOutputStream}), as Pekko's {@code JavaSerializer} does it. */
  JAVA_SERIALIZATION
}
