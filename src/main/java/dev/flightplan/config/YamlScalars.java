package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The JSON value of a YAML scalar. Plain scalars were resolved by {@link CoreSchemaResolver};
 * explicit standard tags are honoured where sane. A number is exact and, when it has no fraction,
 * an integer however it is written ({@code 1e3}, {@code 250.0}, {@code -0}), so that the schema's
 * ranges judge its real value: a decimal such as {@code 1.8446744073709551866e19} would otherwise
 * reach the validator, which wraps it to a long (250). A number of more than {@link
 * Limits#MAX_NUMBER_DIGITS} characters or digits is refused before it is converted, since turning a
 * huge one ({@code 1e999999999}) into digits would take minutes.
 */
final class YamlScalars {
  static final JsonNodeFactory JSON = new JsonNodeFactory(true);

  private YamlScalars() {}

  /** A number no setting takes, at the scalar that wrote it. */
  static final class OutOfRange extends Exception {
    OutOfRange(String message) {
      super(message, null, false, false);
    }
  }

  static JsonNode value(ScalarNode node) throws OutOfRange {
    Tag tag = node.getTag();
    String value = node.getValue();
    if (tag.equals(Tag.NULL)) {
      return JSON.nullNode();
    }
    if (tag.equals(Tag.BOOL)
        && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
      return JSON.booleanNode(value.equalsIgnoreCase("true"));
    }
    if (!tag.equals(Tag.INT) && !tag.equals(Tag.FLOAT)) {
      return JSON.textNode(value);
    }
    if (value.length() > Limits.MAX_NUMBER_DIGITS) {
      throw outOfRange(value, "it is " + value.length() + " characters long");
    }
    BigDecimal number;
    try {
      number = new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
    } catch (NumberFormatException e) {
      return JSON.textNode(value);
    }
    BigDecimal exact = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
    if (exact.precision() - exact.scale() > Limits.MAX_NUMBER_DIGITS) {
      throw outOfRange(
          value,
          "it has more than " + Limits.MAX_NUMBER_DIGITS + " digits before its decimal point");
    }
    return exact.scale() <= 0 ? integer(exact.toBigIntegerExact()) : JSON.numberNode(number);
  }

  private static OutOfRange outOfRange(String value, String why) {
    String shown = value.length() > 24 ? value.substring(0, 20) + "..." : value;
    return new OutOfRange(
        "the number "
            + shown
            + " is out of range: "
            + why
            + "; no setting takes a number of more than "
            + Limits.MAX_NUMBER_DIGITS
            + " characters or digits");
  }

  private static JsonNode integer(BigInteger value) {
    if (value.bitLength() < 32) {
      return JSON.numberNode(value.intValue());
    }
    return value.bitLength() < 64 ? JSON.numberNode(value.longValue()) : JSON.numberNode(value);
  }
}
