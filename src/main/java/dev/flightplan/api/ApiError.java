package dev.flightplan.api;

/**
 * One entry of an App Store Connect {@code ErrorResponse}. {@code status} is a string, as the API
 * sends it; {@code code} is the stable, dotted, machine-readable part to branch on. At most one
 * source member is set.
 */
public record ApiError(
    String status,
    String code,
    String title,
    String detail,
    String sourcePointer,
    String sourceParameter) {

  /** {@code CODE: detail (source)}: the error as one line, detail falling back to the title. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (code != null && !code.isBlank()) {
      sb.append(code).append(": ");
    }
    String text = detail != null && !detail.isBlank() ? detail : title;
    sb.append(text == null || text.isBlank() ? "(no detail)" : text);
    if (sourcePointer != null && !sourcePointer.isBlank()) {
      sb.append(" (").append(sourcePointer).append(')');
    } else if (sourceParameter != null && !sourceParameter.isBlank()) {
      sb.append(" (parameter ").append(sourceParameter).append(')');
    }
    return sb.toString();
  }
}
