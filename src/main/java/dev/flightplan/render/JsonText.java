package dev.flightplan.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;

/**
 * JSON as flightplan prints it: two-space indent, {@code "key": value}, LF line ends, a final
 * newline. Besides the control characters JSON itself escapes, every character {@link TerminalText}
 * escapes is written as a backslash-u escape, so that the document shown on a terminal cannot act
 * on it; it parses to the same values.
 */
final class JsonText {
  private static final ObjectMapper MAPPER = mapper();

  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEmptySeparator("")
                  .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private JsonText() {}

  private static ObjectMapper mapper() {
    ObjectMapper mapper = JsonMapper.builder().build();
    mapper.getFactory().setCharacterEscapes(new TerminalEscapes());
    return mapper;
  }

  /**
   * JSON's own escapes, DEL, and beyond ASCII a backslash-u escape for what a terminal would act
   * on.
   */
  private static final class TerminalEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = asciiEscapes();

    private static int[] asciiEscapes() {
      int[] escapes = standardAsciiEscapesForJSON();
      escapes[0x7f] = ESCAPE_STANDARD;
      return escapes;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return TerminalText.isSafe(String.valueOf((char) ch))
          ? null
          : new SerializedString(String.format(Locale.ROOT, "\\u%04X", ch));
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writer(PRINTER).writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
