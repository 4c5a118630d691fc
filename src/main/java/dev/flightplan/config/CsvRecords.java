package dev.flightplan.config;

import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.SourcePos;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180: comma-separated, fields optionally in double quotes, {@code ""} for a
 * quote inside them, line breaks inside quoted fields) into records whose every field knows its
 * line and column, so that a problem in a tester list is reported at {@code testers.csv:17:12}.
 * Hand-written rather than a library because the libraries give a record's position but not each
 * field's. Lines end with LF, CRLF or CR; a byte-order mark is dropped; a line with nothing on it
 * is no record.
 */
final class CsvRecords {
  /**
   * One field: its value (without the quotes), where it starts, and whether it was written in
   * quotes.
   */
  record Field(String value, int line, int column, boolean quoted) {}

  /** One record: its fields in order, and the line it starts on. */
  record Row(int line, List<Field> fields) {
    Row {
      fields = List.copyOf(fields);
    }

    boolean blank() {
      return fields.stream().allMatch(f -> f.value().isBlank());
    }
  }

  /**
   * The records, and the problems that made a part of the text unreadable (then no records are
   * given).
   */
  record Result(List<Row> rows, List<Diagnostic> diagnostics) {}

  private final String file;
  private final String text;
  private int index;
  private int line = 1;
  private int column = 1;

  private CsvRecords(String file, String text) {
    this.file = file;
    this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  static Result parse(String file, String text) {
    return new CsvRecords(file, text).rows();
  }

  private Result rows() {
    List<Row> rows = new ArrayList<>();
    while (index < text.length()) {
      int rowLine = line;
      List<Field> fields = new ArrayList<>();
      while (true) {
        Field field;
        try {
          field = field();
        } catch (Unreadable e) {
          return new Result(List.of(), List.of(Diagnostic.error(e.pos, e.getMessage(), e.hint)));
        }
        fields.add(field);
        if (index < text.length() && text.charAt(index) == ',') {
          advance();
          continue;
        }
        endOfLine();
        break;
      }
      if (!(fields.size() == 1 && fields.get(0).value().isEmpty())) {
        rows.add(new Row(rowLine, fields));
      }
    }
    return new Result(rows, List.of());
  }

  private Field field() throws Unreadable {
    int startLine = line;
    int startColumn = column;
    if (index < text.length() && text.charAt(index) == '"') {
      advance();
      StringBuilder value = new StringBuilder();
      while (true) {
        if (index >= text.length()) {
          throw new Unreadable(
              new SourcePos(file, startLine, startColumn),
              "a quoted field is not closed",
              "end it with a double quote; a quote inside a quoted field is written twice (\"\")");
        }
        char c = text.charAt(index);
        if (c == '"') {
          if (index + 1 < text.length() && text.charAt(index + 1) == '"') {
            value.append('"');
            advance();
            advance();
            continue;
          }
          advance();
          break;
        }
        value.append(c);
        advance();
      }
      if (index < text.length() && text.charAt(index) != ',' && !lineBreak(text.charAt(index))) {
        throw new Unreadable(
            new SourcePos(file, line, column),
            "unexpected text after the closing quote of a field",
            "put the whole field in quotes, and write a quote inside it twice (\"\")");
      }
      return new Field(value.toString(), startLine, startColumn, true);
    }
    int start = index;
    while (index < text.length() && text.charAt(index) != ',' && !lineBreak(text.charAt(index))) {
      advance();
    }
    return new Field(text.substring(start, index), startLine, startColumn, false);
  }

  private void endOfLine() {
    if (index < text.length() && text.charAt(index) == '\r') {
      index++;
      if (index < text.length() && text.charAt(index) == '\n') {
        index++;
      }
      line++;
      column = 1;
    } else if (index < text.length() && text.charAt(index) == '\n') {
      index++;
      line++;
      column = 1;
    }
  }

  /** Moves past one character, counting lines inside quoted fields as editors do. */
  private void advance() {
    char c = text.charAt(index++);
    if (c == '\n' || c == '\r' && (index >= text.length() || text.charAt(index) != '\n')) {
      line++;
      column = 1;
    } else if (c != '\r' && !Character.isLowSurrogate(c)) {
      column++;
    }
  }

  private static boolean lineBreak(char c) {
    return c == '\n' || c == '\r';
  }

  private static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient SourcePos pos;
    private final String hint;

    Unreadable(SourcePos pos, String message, String hint) {
      super(message, null, false, false);
      this.pos = pos;
      this.hint = hint;
    }
  }
}
