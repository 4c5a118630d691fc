package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.Quote;
import dev.flightplan.diag.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A tester list in CSV, in one of two forms:
 *
 * <ul>
 *   <li>fastlane's ({@code pilot import}/{@code export}): {@code First,Last,Email,Groups}, groups
 *       separated by {@code ;}, with that header row or without any (then each row has 3 or 4
 *       fields);
 *   <li>a header naming the columns in any order: {@code email,first_name,last_name,groups} (case,
 *       spaces and {@code -} in names do not matter; {@code First}, {@code Last} and {@code Group}
 *       are accepted too, and the {@code Installed Version} and {@code Install Date} columns of a
 *       fastlane export are ignored).
 * </ul>
 *
 * <p>The first row is a header when none of its fields is an email address and one of them names
 * (or nearly names) a column. Each row becomes a tester entry as the YAML would write it; what
 * cannot be read is reported at the row and column concerned. Empty names are left out (not
 * managed); references to groups are checked with the YAML's own rules afterwards. A cell written
 * with a single quote in front because it starts like a spreadsheet formula ({@code '-Bob}) reads
 * without it ({@link CsvCells}).
 */
final class TesterCsv {
  /**
   * A tester read from a row: the entry as the YAML would write it, and where each of its parts is.
   */
  record Entry(ObjectNode node, Map<String, SourcePos> positions) {}

  record Result(List<Entry> testers, List<Diagnostic> diagnostics) {}

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> FASTLANE =
      List.of("first_name", "last_name", "email", "groups");
  private static final Map<String, String> ALIASES = aliases();
  private static final List<String> IGNORED = List.of("installed_version", "install_date");
  private static final String FORMS =
      "columns: email, first_name, last_name, groups (or fastlane's First, Last, Email, Groups)";

  private final String file;
  private final Pattern email;
  private final int emailMaxLength;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private TesterCsv(String file, Pattern email, int emailMaxLength) {
    this.file = file;
    this.email = email;
    this.emailMaxLength = emailMaxLength;
  }

  private static Map<String, String> aliases() {
    Map<String, String> a = new LinkedHashMap<>();
    for (String c : List.of("email", "first_name", "last_name", "groups")) {
      a.put(c, c);
    }
    a.put("first", "first_name");
    a.put("firstname", "first_name");
    a.put("last", "last_name");
    a.put("lastname", "last_name");
    a.put("group", "groups");
    return a;
  }

  /**
   * {@code emailSchema}: what the schema accepts as an email address (pattern, length), so both
   * files agree.
   */
  static Result read(String file, String text, JsonNode emailSchema) {
    TesterCsv csv =
        new TesterCsv(
            file,
            Pattern.compile(emailSchema.path("pattern").asText()),
            emailSchema.path("maxLength").asInt(Integer.MAX_VALUE));
    return new Result(csv.testers(text), List.copyOf(csv.diagnostics));
  }

  private List<Entry> testers(String text) {
    CsvRecords.Result parsed = CsvRecords.parse(file, text);
    diagnostics.addAll(parsed.diagnostics());
    List<CsvRecords.Row> rows = parsed.rows().stream().filter(r -> !r.blank()).toList();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> columns = isHeader(rows.get(0)) ? header(rows.get(0)) : null;
    if (columns != null && !columns.contains("email")) {
      if (diagnostics.isEmpty()) {
        error(new SourcePos(file, rows.get(0).line(), 1), "the header has no email column", FORMS);
      }
      return List.of();
    }
    if (!diagnostics.isEmpty()) {
      return List.of();
    }
    List<Entry> testers = new ArrayList<>();
    for (CsvRecords.Row row : columns == null ? rows : rows.subList(1, rows.size())) {
      Entry entry = columns == null ? headerless(row) : withHeader(row, columns);
      if (entry != null) {
        testers.add(entry);
      }
    }
    return testers;
  }

  private boolean isHeader(CsvRecords.Row row) {
    if (row.fields().stream().anyMatch(f -> f.value().contains("@"))) {
      return false;
    }
    return row.fields().stream()
        .anyMatch(f -> column(f.value()) != null || suggestion(f.value()) != null);
  }

  /** The columns the header names (null for an ignored one); every problem with it reported. */
  private List<String> header(CsvRecords.Row row) {
    List<String> columns = new ArrayList<>();
    Map<String, CsvRecords.Field> seen = new HashMap<>();
    for (int i = 0; i < row.fields().size(); i++) {
      CsvRecords.Field f = row.fields().get(i);
      SourcePos at = pos(f);
      String name = f.value().trim();
      String column = column(name);
      if (name.isEmpty()) {
        error(at, "column " + (i + 1) + " of the header has no name", FORMS);
      } else if (IGNORED.contains(normal(name))) {
        columns.add(null);
        continue;
      } else if (column == null) {
        String suggestion = suggestion(name);
        error(
            at,
            "unknown column "
                + Quote.of(name)
                + (suggestion == null ? "" : "; did you mean " + Quote.of(suggestion) + "?"),
            suggestion == null ? FORMS : null);
      } else if (seen.putIfAbsent(column, f) != null) {
        error(
            at,
            "the header names the " + column + " column twice",
            "first at column " + seen.get(column).column());
      }
      columns.add(column);
    }
    return columns;
  }

  private Entry withHeader(CsvRecords.Row row, List<String> columns) {
    if (row.fields().size() != columns.size()) {
      error(
          new SourcePos(file, row.line(), 1),
          "this row has "
              + count(row.fields().size())
              + ", but the header names "
              + count(columns.size()),
          "a field that holds a comma must be in double quotes");
      return null;
    }
    Map<String, CsvRecords.Field> byColumn = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i) != null) {
        byColumn.put(columns.get(i), row.fields().get(i));
      }
    }
    return entry(row, byColumn);
  }

  private Entry headerless(CsvRecords.Row row) {
    int n = row.fields().size();
    if (n < 3 || n > 4) {
      error(
          new SourcePos(file, row.line(), 1),
          "this row has "
              + count(n)
              + "; without a header a row is First,Last,Email or "
              + "First,Last,Email,Groups",
          "or start the file with a header row such as email,first_name,last_name,groups");
      return null;
    }
    Map<String, CsvRecords.Field> byColumn = new HashMap<>();
    for (int i = 0; i < n; i++) {
      byColumn.put(FASTLANE.get(i), row.fields().get(i));
    }
    return entry(row, byColumn);
  }

  private Entry entry(CsvRecords.Row row, Map<String, CsvRecords.Field> fields) {
    CsvRecords.Field emailField = fields.get("email");
    String address = CsvCells.unprotect(emailField.value().trim());
    if (address.isEmpty()) {
      error(
          pos(emailField),
          "this row has no email address",
          "every tester needs one; it is the tester's identity");
      return null;
    }
    if (address.length() > emailMaxLength) {
      error(
          pos(emailField),
          "this email address is "
              + address.length()
              + " characters long; at most "
              + emailMaxLength
              + " are allowed",
          null);
      return null;
    }
    if (!email.matcher(address).matches()) {
      error(
          pos(emailField),
          Quote.of(address) + " is not an email address like name@example.com",
          null);
      return null;
    }
    ObjectNode node = JSON.objectNode();
    Map<String, SourcePos> positions = new LinkedHashMap<>();
    positions.put("", new SourcePos(file, row.line(), 1));
    node.put("email", address);
    positions.put("/email", pos(emailField));
    name(node, positions, "firstName", fields.get("first_name"));
    name(node, positions, "lastName", fields.get("last_name"));
    ArrayNode groups = node.putArray("groups");
    CsvRecords.Field groupField = fields.get("groups");
    if (groupField != null) {
      positions.put("/groups", pos(groupField));
      // the guarding quote of a cell starting with a formula character (CsvCells) is no part of the
      // first group
      int offset = CsvCells.guarded(groupField.value()) ? 1 : 0;
      for (String part : groupField.value().substring(offset).split(";", -1)) {
        String name = part.trim();
        if (!name.isEmpty()) {
          int lead = part.indexOf(name);
          boolean sameLine = groupField.value().lastIndexOf('\n', offset) < 0;
          int column =
              groupField.column() + (sameLine ? offset + lead + (groupField.quoted() ? 1 : 0) : 0);
          positions.put("/groups/" + groups.size(), new SourcePos(file, groupField.line(), column));
          groups.add(name);
        }
        offset += part.length() + 1;
      }
    }
    return new Entry(node, positions);
  }

  private void name(
      ObjectNode node, Map<String, SourcePos> positions, String key, CsvRecords.Field field) {
    String value = field == null ? "" : CsvCells.unprotect(field.value().trim());
    if (!value.isEmpty()) {
      node.put(key, value);
      positions.put("/" + key, pos(field));
    }
  }

  private static String normal(String name) {
    return name.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
  }

  private static String column(String name) {
    return ALIASES.get(normal(name));
  }

  private static String suggestion(String name) {
    String n = normal(name);
    if (n.isEmpty()) {
      return null;
    }
    return Suggest.closest(n, ALIASES.keySet()).map(ALIASES::get).orElse(null);
  }

  private static String count(int n) {
    return n + (n == 1 ? " field" : " fields");
  }

  private SourcePos pos(CsvRecords.Field f) {
    return new SourcePos(file, f.line(), f.column());
  }

  private void error(SourcePos pos, String summary, String hint) {
    diagnostics.add(Diagnostic.error(pos, summary, hint));
  }
}
