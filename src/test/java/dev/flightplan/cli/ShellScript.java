package dev.flightplan.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shell scripts as documentation and workflows write them, read as a shell would: simple commands
 * separated by newlines, {@code ;}, {@code &&}, {@code ||}, {@code |} and parentheses; quotes
 * removed; {@code $NAME} and {@code ${NAME}} expanded (from the variables given and the assignments
 * before, "placeholder" when unknown); redirections taken apart from the words; a {@code # comment}
 * kept with the command it ends. Enough for the command lines flightplan's documents show, not a
 * shell.
 */
final class ShellScript {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");
  private static final Pattern ASSIGNMENT =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);

  /**
   * One simple command: its {@code text} as written (trimmed, without its comment), its words,
   * where its standard input comes from ({@code in}, a file) or whether from the command before
   * ({@code piped}), where its standard output and error go ({@code out}, {@code err}: files;
   * {@code errToOut}: {@code 2>&1}), and the comment that ends its line (null when none).
   */
  record Command(
      String text,
      List<String> words,
      String in,
      String out,
      String err,
      boolean errToOut,
      boolean piped,
      String comment) {}

  private ShellScript() {}

  static List<Command> parse(String script, Map<String, String> variables) {
    return new Parser(script.replace("\\\n", " "), variables).run();
  }

  private static final class Parser {
    private final String text;
    private final Map<String, String> vars;
    private final List<Command> commands = new ArrayList<>();
    private List<String> words = new ArrayList<>();
    private final Map<String, String> redirects = new HashMap<>();
    private StringBuilder word;
    private String pendingRedirect;
    private boolean errToOut;
    private boolean piped;
    private boolean nextPiped;
    private int start = -1;

    Parser(String text, Map<String, String> variables) {
      this.text = text;
      this.vars = new HashMap<>(variables);
    }

    List<Command> run() {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (start < 0 && !Character.isWhitespace(c)) {
          start = i;
        }
        if (c == '\'' || c == '"') {
          int end = text.indexOf(c, i + 1);
          String quoted = text.substring(i + 1, end < 0 ? text.length() : end);
          word().append(c == '"' ? expand(quoted) : quoted);
          i = end < 0 ? text.length() : end;
        } else if (c == '#' && word == null) {
          int end = text.indexOf('\n', i);
          end = end < 0 ? text.length() : end;
          finish(i, text.substring(i + 1, end).strip());
          i = end - 1;
        } else if (c == '>' || c == '<') {
          String fd = word != null && word.toString().matches("[0-9]+") ? word.toString() : null;
          if (fd != null) {
            word = null;
          } else {
            endWord();
          }
          while (i + 1 < text.length() && text.charAt(i + 1) == '>') {
            i++;
          }
          if (c == '>'
              && i + 2 < text.length()
              && text.charAt(i + 1) == '&'
              && Character.isDigit(text.charAt(i + 2))) {
            errToOut |= "2".equals(fd) && text.charAt(i + 2) == '1';
            i += 2;
          } else {
            pendingRedirect = c == '<' ? "in" : "2".equals(fd) ? "err" : "out";
          }
        } else if (Character.isWhitespace(c) || ";|&()".indexOf(c) >= 0) {
          endWord();
          if (c == '\n' || ";|&()".indexOf(c) >= 0) {
            nextPiped =
                c == '|'
                    && (i + 1 >= text.length() || text.charAt(i + 1) != '|')
                    && (i == 0 || text.charAt(i - 1) != '|');
            finish(i, null);
          }
        } else if (c == '$') {
          Matcher m = VARIABLE.matcher(text).region(i, text.length());
          if (m.lookingAt()) {
            word().append(vars.getOrDefault(m.group(1), "placeholder"));
            i = m.end() - 1;
          } else {
            word();
          }
        } else {
          word().append(c);
        }
      }
      finish(text.length(), null);
      return commands;
    }

    private StringBuilder word() {
      if (word == null) {
        word = new StringBuilder();
      }
      return word;
    }

    private void endWord() {
      if (word != null) {
        if (pendingRedirect != null) {
          redirects.put(pendingRedirect, word.toString());
          pendingRedirect = null;
        } else {
          words.add(word.toString());
        }
        word = null;
      }
    }

    private String expand(String quoted) {
      return VARIABLE
          .matcher(quoted)
          .replaceAll(m -> Matcher.quoteReplacement(vars.getOrDefault(m.group(1), "placeholder")));
    }

    /**
     * Ends the command under way at {@code end}; a comment goes to it, or to the last command when
     * it is empty.
     */
    private void finish(int end, String comment) {
      endWord();
      if (!words.isEmpty()) {
        String written = text.substring(start, end).strip();
        if (words.stream().allMatch(w -> ASSIGNMENT.matcher(w).matches())) {
          words.forEach(
              w -> {
                Matcher m = ASSIGNMENT.matcher(w);
                m.matches();
                vars.put(m.group(1), m.group(2));
              });
        }
        commands.add(
            new Command(
                written,
                words,
                redirects.get("in"),
                redirects.get("out"),
                redirects.get("err"),
                errToOut,
                piped,
                comment));
      } else if (comment != null && !commands.isEmpty()) {
        Command last = commands.remove(commands.size() - 1);
        commands.add(
            new Command(
                last.text(),
                last.words(),
                last.in(),
                last.out(),
                last.err(),
                last.errToOut(),
                last.piped(),
                comment));
      }
      words = new ArrayList<>();
      redirects.clear();
      errToOut = false;
      piped = nextPiped;
      nextPiped = false;
      start = -1;
    }
  }
}
