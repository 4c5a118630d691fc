package dev.flightplan.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * A fish completion script made from picocli's model of a command tree (picocli writes bash only):
 * a {@code complete} line per subcommand and per option, with its description, the values it takes
 * (its completion candidates, or an enum's constants) and file completion for options and
 * parameters that take a path. Fish offers no files unless a line asks for them.
 */
final class FishCompletion {
  private FishCompletion() {}

  /** The script for the command {@code name}, whose tree is {@code root}. */
  static String script(String name, CommandLine root) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "# fish completion for "
            + name
            + ", made from its command model by '"
            + name
            + " completion fish'.");
    lines.add(
        "# Install: " + name + " completion fish > ~/.config/fish/completions/" + name + ".fish");
    lines.add("complete -c " + name + " -f");
    add(lines, name, root.getCommandSpec(), "__fish_use_subcommand");
    return String.join("\n", lines) + "\n";
  }

  /**
   * The lines of {@code spec}, which applies when {@code condition} holds, and of its subcommands.
   */
  private static void add(List<String> lines, String name, CommandSpec spec, String condition) {
    String prefix = "complete -c " + name + " -n " + quote(condition);
    Map<String, CommandLine> subcommands = visible(spec);
    for (Map.Entry<String, CommandLine> sub : subcommands.entrySet()) {
      UsageMessageSpec usage = sub.getValue().getCommandSpec().usageMessage();
      String[] text = usage.header().length > 0 ? usage.header() : usage.description();
      lines.add(
          prefix
              + " -a "
              + quote(sub.getKey())
              + describe(text.length == 0 ? "" : String.format(text[0])));
    }
    for (OptionSpec option : spec.options()) {
      if (!option.hidden()) {
        lines.add(
            prefix + names(option) + values(option, spec) + describe(first(option.description())));
      }
    }
    for (PositionalParamSpec param : spec.positionalParameters()) {
      if (!param.hidden()) {
        lines.add(prefix + values(param, spec) + describe(first(param.description())));
      }
    }
    for (Map.Entry<String, CommandLine> sub : subcommands.entrySet()) {
      lines.add("");
      String within = "__fish_seen_subcommand_from " + sub.getKey();
      Map<String, CommandLine> nested = visible(sub.getValue().getCommandSpec());
      String outside =
          nested.isEmpty()
              ? ""
              : "; and not __fish_seen_subcommand_from " + String.join(" ", nested.keySet());
      add(lines, name, sub.getValue().getCommandSpec(), within + outside);
    }
  }

  private static Map<String, CommandLine> visible(CommandSpec spec) {
    Map<String, CommandLine> result = new java.util.LinkedHashMap<>();
    spec.subcommands()
        .forEach(
            (n, c) -> {
              if (!c.getCommandSpec().usageMessage().hidden()) {
                result.put(n, c);
              }
            });
    return result;
  }

  /** {@code -s f -l file}: fish's short, long and old-style (one dash, several letters) names. */
  private static String names(OptionSpec option) {
    StringBuilder text = new StringBuilder();
    for (String n : option.names()) {
      if (n.startsWith("--")) {
        text.append(" -l ").append(n.substring(2));
      } else if (n.length() == 2) {
        text.append(" -s ").append(n.substring(1));
      } else {
        text.append(" -o ").append(n.substring(1));
      }
    }
    return text.toString();
  }

  /**
   * What an argument takes: nothing (a flag); its candidates, or the subcommands for the help
   * command's COMMAND; a file for a path; otherwise a value fish cannot guess (no files offered).
   */
  private static String values(ArgSpec arg, CommandSpec spec) {
    boolean option = arg.isOption();
    if (option && arg.arity().max() == 0) {
      return "";
    }
    List<String> candidates = new ArrayList<>();
    if (arg.completionCandidates() != null) {
      arg.completionCandidates().forEach(candidates::add);
    } else if (!option && spec.helpCommand() && spec.parent() != null) {
      candidates.addAll(visible(spec.parent()).keySet());
    }
    String takes = option ? " -r" : "";
    if (!candidates.isEmpty()) {
      return takes + " -f -a " + quote(String.join(" ", candidates));
    }
    Class<?> type = arg.type();
    boolean path = Path.class.isAssignableFrom(type) || File.class.isAssignableFrom(type);
    return takes + (path ? " -F" : " -f");
  }

  private static String first(String[] description) {
    return description.length == 0 ? "" : description[0];
  }

  /**
   * {@code -d 'text'}: the first sentence of a description, as fish shows beside each candidate.
   */
  private static String describe(String description) {
    String text = description.replaceAll("\\s+", " ").strip();
    String first = SENTENCE_END.split(text, 2)[0];
    return first.isEmpty() ? "" : " -d " + quote(first);
  }

  /** A full stop before the capital of the next sentence ("e.g. seed=7" goes on). */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=\\.) (?=[A-Z])");

  /** A word in fish's single quotes, where only backslash and the quote itself are special. */
  static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
