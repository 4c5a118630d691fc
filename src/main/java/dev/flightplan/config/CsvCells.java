package dev.flightplan.config;

import java.util.regex.Pattern;

/**
 * The one rule that keeps a tester list safe to open in a spreadsheet and still reads back exactly
 * (OWASP's advice on CSV injection): a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return, which a spreadsheet would take for a formula, is written
 * with a single quote in front ({@code -Bob} as {@code '-Bob}), and a reader drops one leading
 * quote when what follows it is any number of quotes and then one of those characters. So that the
 * rule can be undone, a value that already has that shape ({@code '-Bob}) gets one more quote too;
 * every other value, {@code O'Brien} and {@code 'Brien} included, is written and read as it is.
 */
public final class CsvCells {
  private static final Pattern GUARDED = Pattern.compile("'*[=+\\-@\t\r].*", Pattern.DOTALL);

  private CsvCells() {}

  /** {@code value} as a cell a spreadsheet shows as text; null stays null. */
  public static String protect(String value) {
    return value != null && GUARDED.matcher(value).matches() ? "'" + value : value;
  }

  /** The value of a cell written by {@link #protect} (or by hand): one guarding quote dropped. */
  public static String unprotect(String cell) {
    return guarded(cell) ? cell.substring(1) : cell;
  }

  /** Whether {@code cell} starts with a guarding quote, which {@link #unprotect} drops. */
  static boolean guarded(String cell) {
    return cell.startsWith("'") && GUARDED.matcher(cell).region(1, cell.length()).matches();
  }
}
