package dev.flightplan.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads output as the GitHub Actions runner does (actions/runner, ActionCommandManager and
 * ActionCommand): line by line (CR, LF or CRLF end a line), a line that starts with {@code ::}
 * after leading white space, or that holds {@code ##[command]} anywhere, is a workflow command when
 * its name is one the runner knows; {@code stop-commands} ignores every command until the token it
 * names comes back. The commands it would act on, in order.
 */
final class RunnerCommands {
  /**
   * One command the runner acts on: its name (lower case), properties and data, unescaped as the
   * runner does.
   */
  record Command(String name, Map<String, String> properties, String data) {}

  private static final Set<String> KNOWN =
      Set.of(
          "error",
          "warning",
          "notice",
          "debug",
          "add-mask",
          "add-path",
          "set-env",
          "set-output",
          "save-state",
          "echo",
          "group",
          "endgroup",
          "add-matcher",
          "remove-matcher",
          "stop-commands");

  private RunnerCommands() {}

  static List<Command> read(String output) {
    List<Command> found = new ArrayList<>();
    Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    known.addAll(KNOWN);
    String stopToken = null;
    for (String line : output.split("\r\n|\r|\n", -1)) {
      Command c = parseV2(line, known);
      if (c == null) {
        c = parseV1(line, known);
      }
      if (c == null) {
        continue;
      }
      if (stopToken != null) {
        if (c.name().equalsIgnoreCase(stopToken)) {
          found.add(c);
          known.remove(stopToken);
          stopToken = null;
        }
      } else {
        found.add(c);
        if (c.name().equals("stop-commands")) {
          stopToken = c.data();
          known.add(stopToken);
        }
      }
    }
    return found;
  }

  private static Command parseV2(String line, Set<String> known) {
    String message = line.stripLeading();
    if (!message.startsWith("::")) {
      return null;
    }
    int end = message.indexOf("::", 2);
    if (end < 0) {
      return null;
    }
    String info = message.substring(2, end);
    int space = info.indexOf(' ');
    String name = space < 0 ? info : info.substring(0, space);
    if (!known.contains(name)) {
      return null;
    }
    Map<String, String> properties = new LinkedHashMap<>();
    if (space > 0) {
      for (String pair : info.substring(space + 1).trim().split(",")) {
        String[] kv = pair.split("=", 2);
        if (kv.length == 2 && !kv[0].isEmpty() && !kv[1].isEmpty()) {
          properties.put(kv[0], unescape(kv[1], true));
        }
      }
    }
    return new Command(
        name.toLowerCase(Locale.ROOT), properties, unescape(message.substring(end + 2), false));
  }

  private static Command parseV1(String line, Set<String> known) {
    int prefix = line.indexOf("##[");
    int bracket = prefix < 0 ? -1 : line.indexOf(']', prefix);
    if (bracket < 0) {
      return null;
    }
    String info = line.substring(prefix + 3, bracket);
    int space = info.indexOf(' ');
    String name = space < 0 ? info : info.substring(0, space);
    return known.contains(name)
        ? new Command(name.toLowerCase(Locale.ROOT), Map.of(), line.substring(bracket + 1))
        : null;
  }

  /**
   * The runner's order: the escapes of CR, LF (and in properties {@code :} and {@code ,}) first,
   * {@code %25} last.
   */
  private static String unescape(String text, boolean property) {
    String s = text.replace("%0D", "\r").replace("%0A", "\n");
    if (property) {
      s = s.replace("%3A", ":").replace("%2C", ",");
    }
    return s.replace("%25", "%");
  }
}
