package dev.concierge.models.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON to read an XGBoost model, without adding a JSON library to the pure domain module.
 * Objects become {@code Map<String, Object>}, arrays {@code List<Object>}, numbers {@link NumberText} (kept as
 * text, so that a float32 written by XGBoost parses back to the very same float), and the rest
 * {@code String}, {@code Boolean} or {@code null}.
 */
final class Json {

  private static final int HEX = 16;
  private static final int UNICODE_ESCAPE_DIGITS = 4;

  private final String text;
  private int position;

  private Json(String text) {
    this.text = text;
  }

  /** A number as written, to be read at the precision its field has. */
  record NumberText(String literal) {

    float asFloat() {
      return Float.parseFloat(literal);
    }

    int asInt() {
      return Integer.parseInt(literal);
    }
  }

  static Object parse(String text) {
    Json parser = new Json(text);
    Object value = parser.value();
    parser.skipWhitespace();
    if (parser.position != text.length()) {
      throw parser.error("trailing content");
    }
    return value;
  }

  private Object value() {
    skipWhitespace();
    if (position >= text.length()) {
      throw error("unexpected end");
    }
    return switch (text.charAt(position)) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      default -> literal();
    };
  }

  private Map<String, Object> object() {
    expect('{');
    Map<String, Object> members = new LinkedHashMap<>();
    if (consumeIf('}')) {
      return members;
    }
    do {
      skipWhitespace();
      String key = string();
      expect(':');
      members.put(key, value());
    } while (consumeIf(','));
    expect('}');
    return members;
  }

  private List<Object> array() {
    expect('[');
    List<Object> elements = new ArrayList<>();
    if (consumeIf(']')) {
      return elements;
    }
    do {
      elements.add(value());
    } while (consumeIf(','));
    expect(']');
    return elements;
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      if (position >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(position++);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = text.charAt(position++);
      switch (escaped) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(text.substring(position, position + UNICODE_ESCAPE_DIGITS), HEX));
          position += UNICODE_ESCAPE_DIGITS;
        }
        default -> out.append(escaped);
      }
    }
  }

  private Object literal() {
    int start = position;
    while (position < text.length() && "{}[],: \t\r\n\"".indexOf(text.charAt(position)) < 0) {
      position++;
    }
    String token = text.substring(start, position);
    return switch (token) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      case "null" -> null;
      default -> number(token);
    };
  }

  private NumberText number(String token) {
    if (token.isEmpty() || "-0123456789".indexOf(token.charAt(0)) < 0) {
      throw error("expected a value, found '" + token + "'");
    }
    return new NumberText(token);
  }

  private void expect(char c) {
    skipWhitespace();
    if (position >= text.length() || text.charAt(position) != c) {
      throw error("expected '" + c + "'");
    }
    position++;
  }

  private boolean consumeIf(char c) {
    skipWhitespace();
    if (position < text.length() && text.charAt(position) == c) {
      position++;
      return true;
    }
    return false;
  }

  private void skipWhitespace() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("malformed JSON at offset " + position + ": " + problem);
  }
}
