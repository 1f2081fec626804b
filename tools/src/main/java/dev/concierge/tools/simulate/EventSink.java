package dev.concierge.tools.simulate;

import java.io.IOException;

/** Takes each event's key and JSON value; closing makes sure everything arrived. */
interface EventSink extends AutoCloseable {

  void accept(String customerId, byte[] json) throws IOException;

  @Override
  void close() throws IOException;
}
