package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.StockAwaited;
import java.util.Map;

/** The journal event of an item carted out of stock. Version 1: the item id. */
final class StockAwaitedFormat extends VersionedFormat<StockAwaited> {

  private static final int V1 = 1;

  StockAwaitedFormat() {
    super(StockAwaited.class, V1, Map.of(V1, (Input input) -> new StockAwaited(input.readString())));
  }

  @Override
  void writeCurrent(Output output, StockAwaited awaited) {
    output.writeString(awaited.itemId());
  }
}
