package dev.concierge.persistence.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.models.CatalogChange;
import dev.concierge.models.CatalogItem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link CatalogJson#change}, the reader of {@code PUT /admin/catalog/items}: every item it writes reads
 * back as the same item, any field it leaves out keeps its item's value, and an item with one field of
 * the wrong type or range is refused with a reason that names that field.
 */
class CatalogChangePropertiesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] FIELDS = {"itemId", "category", "price", "inStock", "title", "popularity"};

  private final CatalogJson json = new CatalogJson(MAPPER);

  @Property
  void everyWrittenItemReadsBackAsTheSameWholeItem(@ForAll("items") CatalogItem item) throws Exception {
    ParsedCatalogChange parsed = json.change(MAPPER.readTree(json.write(item)));

    CatalogChange change = assertInstanceOf(ParsedCatalogChange.Valid.class, parsed).change();
    assertEquals(item, ((CatalogChange.Upsert) change).onto(null).orElseThrow());
  }

  @Property
  void aFieldLeftOutKeepsTheCurrentItemsValue(
      @ForAll("items") CatalogItem current, @ForAll("items") CatalogItem sent, @ForAll("fieldsToSend") boolean[] send)
      throws Exception {
    ObjectNode partial = (ObjectNode) MAPPER.readTree(json.write(sent));
    partial.put("itemId", current.itemId());
    for (int i = 1; i < FIELDS.length; i++) {
      if (!send[i]) {
        partial.remove(FIELDS[i]);
      }
    }
    CatalogChange.Upsert change =
        (CatalogChange.Upsert) ((ParsedCatalogChange.Valid) json.change(partial)).change();

    CatalogItem merged = change.onto(current).orElseThrow();

    assertEquals(new CatalogItem(current.itemId(),
        send[1] ? sent.category() : current.category(),
        send[2] ? sent.price() : current.price(),
        send[3] ? sent.inStock() : current.inStock(),
        send[4] ? sent.title() : current.title(),
        send[5] ? sent.popularity() : current.popularity()), merged);
  }

  @Property
  void oneWrongFieldIsRefusedNamingThatField(
      @ForAll("items") CatalogItem item, @ForAll("wrongValues") WrongValue wrong) throws Exception {
    ObjectNode node = (ObjectNode) MAPPER.readTree(json.write(item));
    node.set(wrong.field(), MAPPER.readTree(wrong.json()));

    ParsedCatalogChange parsed = json.change(node);

    String reason = assertInstanceOf(ParsedCatalogChange.Invalid.class, parsed).reason();
    assertTrue(reason.contains("'" + wrong.field() + "'"), reason);
  }

  @Property
  void deletedTrueIsTheItemsRemovalWhateverElseItHolds(@ForAll("items") CatalogItem item) throws Exception {
    ObjectNode node = (ObjectNode) MAPPER.readTree(json.write(item));
    node.put("deleted", true);

    assertEquals(new ParsedCatalogChange.Valid(new CatalogChange.Removal(item.itemId())), json.change(node));
  }

  record WrongValue(String field, String json) {}

  @Provide
  Arbitrary<WrongValue> wrongValues() {
    return Arbitraries.of(
        new WrongValue("itemId", "\"has space\""), new WrongValue("itemId", "42"), new WrongValue("itemId", "\"\""),
        new WrongValue("category", "\" \""), new WrongValue("category", "7"),
        new WrongValue("price", "-0.01"), new WrongValue("price", "\"12\""), new WrongValue("price", "1e400"),
        new WrongValue("inStock", "\"false\""), new WrongValue("inStock", "0"),
        new WrongValue("title", "{}"), new WrongValue("popularity", "\"high\""), new WrongValue("popularity", "-1e400"),
        new WrongValue("deleted", "\"yes\""));
  }

  @Provide
  Arbitrary<boolean[]> fieldsToSend() {
    return Arbitraries.of(true, false).array(boolean[].class).ofSize(FIELDS.length);
  }

  @Provide
  Arbitrary<CatalogItem> items() {
    Arbitrary<String> ids = Arbitraries.strings().withChars("abcXYZ019._-:@").ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> categories = Arbitraries.strings().alpha().numeric().withChars(" é/").ofMinLength(1).ofMaxLength(30)
        .filter(name -> !name.isBlank());
    Arbitrary<Double> prices = Arbitraries.doubles().between(0, 1e7);
    Arbitrary<Double> popularity = Arbitraries.doubles().between(-1e6, 1e6);
    return Combinators.combine(ids, categories, prices, Arbitraries.of(true, false), Arbitraries.strings().ofMaxLength(40), popularity)
        .as(CatalogItem::new);
  }
}
