package dev.flightplan.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * picocli's usage help, with text wrapped between words only. picocli wraps where {@link
 * java.text.BreakIterator} allows, which is also after a '/', ':' or '.' inside a word: a path, a
 * URL or an e-mail address in a description was cut in two ({@code https:} on one line, {@code
 * //api.appstoreconnect.apple.com} on the next). Here every line is broken at a space before
 * picocli sees it, so its own wrapping never has to; a word longer than the line stays whole.
 */
final class WrappingHelp extends Help {
  /** How much further than the line they continue wrapped lines are indented (as picocli does). */
  private static final int HANG = 2;

  WrappingHelp(CommandSpec spec, ColorScheme scheme) {
    super(spec, scheme);
  }

  @Override
  public Layout createDefaultLayout(
      List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme scheme) {
    TextTable table =
        TextTable.forDefaultColumns(
            scheme, calcLongOptionColumnWidth(options, positionals, scheme), lineWidth());
    Column description = table.columns()[table.columns().length - 1];
    int room = description.width - description.indent;
    IOptionRenderer optionRenderer = createDefaultOptionRenderer();
    IParameterRenderer parameterRenderer = createDefaultParameterRenderer();
    return new Layout(
        scheme,
        table,
        (option, labels, s) -> rewrapLastColumn(optionRenderer.render(option, labels, s), room, s),
        (param, labels, s) ->
            rewrapLastColumn(parameterRenderer.render(param, labels, s), room, s));
  }

  @Override
  public String description(Object... params) {
    return paragraphs(commandSpec().usageMessage().description(), params);
  }

  @Override
  public String header(Object... params) {
    return paragraphs(commandSpec().usageMessage().header(), params);
  }

  @Override
  public String footer(Object... params) {
    return paragraphs(commandSpec().usageMessage().footer(), params);
  }

  /**
   * The list of subcommands, each with the first line of its description, as picocli lays it out.
   */
  @Override
  public String commandList(Map<String, Help> subcommands) {
    if (subcommands.isEmpty()) {
      return "";
    }
    int names =
        Math.min(
            subcommands.keySet().stream().mapToInt(String::length).max().orElse(0),
            lineWidth() / 2);
    TextTable table =
        TextTable.forColumns(
            colorScheme(),
            new Column(names + 2, 2, Column.Overflow.SPAN),
            new Column(lineWidth() - (names + 2), 2, Column.Overflow.WRAP));
    for (Help help : subcommands.values()) {
      UsageMessageSpec usage = help.commandSpec().usageMessage();
      String[] text = usage.header().length > 0 ? usage.header() : usage.description();
      List<String> lines =
          wrap(text.length == 0 ? "" : format(text[0]), lineWidth() - (names + 2) - 2, HANG);
      for (int i = 0; i < lines.size(); i++) {
        table.addRowValues(
            i == 0 ? help.commandNamesText(", ") : colorScheme().text(""),
            colorScheme().text(lines.get(i)));
      }
    }
    return table.toString();
  }

  private int lineWidth() {
    return commandSpec().usageMessage().width();
  }

  /**
   * Lines of {@code text} no longer than {@code width}, broken at spaces: the line's own
   * indentation is kept, and continuation lines are indented {@code hang} further. A word that does
   * not fit on a line of its own is not cut.
   */
  static List<String> wrap(String text, int width, int hang) {
    List<String> lines = new ArrayList<>();
    String indent = " ".repeat(leadingSpaces(text) + hang);
    String rest = text.stripTrailing();
    while (rest.length() > width) {
      int start = leadingSpaces(rest);
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= start) {
        cut =
            rest.indexOf(
                ' ', start); // the first word is longer than the line: it gets a line of its own
        if (cut < 0) {
          break;
        }
      }
      lines.add(rest.substring(0, cut).stripTrailing());
      rest = indent + rest.substring(cut).strip();
    }
    lines.add(rest);
    return lines;
  }

  private static int leadingSpaces(String s) {
    int n = 0;
    while (n < s.length() && s.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  /**
   * Description, header and footer: each line wrapped to the width (picocli's own wrapping would
   * then leave it be).
   */
  private String paragraphs(String[] lines, Object... params) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      for (String part : format(line, params).split("\\R", -1)) {
        for (String wrapped : wrap(part, lineWidth(), 0)) {
          text.append(wrapped).append(System.lineSeparator());
        }
      }
    }
    return text.toString();
  }

  /**
   * The rows a renderer made for an option or parameter, with the description (the last column)
   * rewrapped.
   */
  private static Ansi.Text[][] rewrapLastColumn(Ansi.Text[][] rows, int room, ColorScheme scheme) {
    List<Ansi.Text[]> result = new ArrayList<>();
    for (Ansi.Text[] row : rows) {
      int last = row.length - 1;
      List<String> lines = wrap(row[last].plainString(), room, HANG);
      for (int i = 0; i < lines.size(); i++) {
        Ansi.Text[] line = row.clone();
        if (i > 0) {
          java.util.Arrays.fill(line, scheme.text(""));
        }
        line[last] = scheme.text(lines.get(i));
        result.add(line);
      }
    }
    return result.toArray(Ansi.Text[][]::new);
  }

  private static String format(String line, Object... params) {
    return line == null ? "" : String.format(line, params);
  }
}
