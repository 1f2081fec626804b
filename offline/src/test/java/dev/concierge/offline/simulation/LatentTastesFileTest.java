package dev.concierge.offline.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LatentTastesFileTest {

  private static final LatentTastesFile FILE = new LatentTastesFile(new ObjectMapper());
  private static final LatentTastes TASTES =
      ShopperSimulation.of(SimulationSettings.of(30, 0, 9), ShopperSimulationTest.CATALOG).tastes();

  @Test
  void theFileGivesBackExactlyTheSimulationsUtilities() throws IOException {
    LatentTastes read = FILE.read(new ByteArrayInputStream(write(TASTES)));

    assertEquals(TASTES.factors(), read.factors());
    assertEquals(TASTES.shopperCount(), read.shopperCount());
    assertEquals(TASTES.itemCount(), read.itemCount());
    for (int shopper = 0; shopper < TASTES.shopperCount(); shopper++) {
      assertEquals(TASTES.customerId(shopper), read.customerId(shopper));
      for (int item = 0; item < TASTES.itemCount(); item++) {
        assertEquals(TASTES.utility(shopper, item), read.utility(shopper, item), "exactly, bit for bit");
      }
    }
    assertEquals(TASTES.itemIndex("sku-7"), read.itemIndex("sku-7"));
    assertEquals(TASTES.shopperIndex("sim-c-3"), read.shopperIndex("sim-c-3"));
  }

  @Test
  void anythingElseIsRefusedWithWhatItIsNot() {
    IOException other = assertThrows(IOException.class, () -> read("{\"events\":[]}"));
    assertTrue(other.getMessage().contains("not a latent-tastes file"), other.getMessage());

    IOException shortFactors = assertThrows(IOException.class, () -> read(
        "{\"format\":\"" + LatentTastesFile.FORMAT + "\",\"factors\":2,\"items\":[{\"itemId\":\"a\","
            + "\"popularity\":1,\"logPrice\":0,\"factors\":[1]}],\"shoppers\":[]}"));
    assertTrue(shortFactors.getMessage().contains("expected 2 factors"), shortFactors.getMessage());

    IOException twice = assertThrows(IOException.class, () -> read(
        "{\"format\":\"" + LatentTastesFile.FORMAT + "\",\"factors\":1,\"items\":[],\"shoppers\":["
            + "{\"customerId\":\"c\",\"logPriceLevel\":0,\"priceTolerance\":1,\"factors\":[1]},"
            + "{\"customerId\":\"c\",\"logPriceLevel\":0,\"priceTolerance\":1,\"factors\":[1]}]}"));
    assertTrue(twice.getMessage().contains("'c' twice"), twice.getMessage());
  }

  private static LatentTastes read(String json) throws IOException {
    return FILE.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] write(LatentTastes tastes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FILE.write(tastes, out);
    return out.toByteArray();
  }
}
