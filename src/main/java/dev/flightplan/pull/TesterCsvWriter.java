package dev.flightplan.pull;

import dev.flightplan.config.CsvCells;
import dev.flightplan.config.TesterSpec;
import java.util.Comparator;
import java.util.List;

/**
 * Writes testers as a CSV tester list in the header form {@code email,first_name,last_name,groups}
 * (groups sorted, separated by {@code ;}), sorted by email, with CRLF-free {@code \n} line ends. A
 * cell that a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab
 * or CR first) gets a single quote in front, which the reader drops ({@link CsvCells}). A field is
 * quoted only when it holds a comma, a quote, a line break or spaces at either end. Which testers a
 * row can hold is decided here too.
 */
final class TesterCsvWriter {
  static final String HEADER = "email,first_name,last_name,groups";

  private TesterCsvWriter() {}

  /**
   * Whether a CSV row can say all the file says of the tester: no builds of its own, no ';' in a
   * group name, no spaces around a name (a reader trims them).
   */
  static boolean fits(TesterSpec t) {
    return t.builds() == null
        && t.groups().stream().noneMatch(g -> g.contains(";"))
        && trimmed(t.firstName())
        && trimmed(t.lastName());
  }

  private static boolean trimmed(String s) {
    return s == null || s.equals(s.strip()) && s.equals(s.trim());
  }

  static String write(List<TesterSpec> testers) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (TesterSpec t : testers.stream().sorted(Comparator.comparing(TesterSpec::email)).toList()) {
      out.append(field(t.email()))
          .append(',')
          .append(field(t.firstName()))
          .append(',')
          .append(field(t.lastName()))
          .append(',')
          .append(field(String.join(";", t.groups().stream().sorted().toList())))
          .append('\n');
    }
    return out.toString();
  }

  private static String field(String text) {
    if (text == null) {
      return "";
    }
    String value = CsvCells.protect(text);
    boolean quote =
        value.contains(",")
            || value.contains("\"")
            || value.contains("\n")
            || value.contains("\r")
            || !value.equals(value.trim());
    return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
