package dev.flightplan.cli;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How every command's {@code --help} looks, set in one place for the whole command tree: a short
 * synopsis, the options in sections ({@link HelpSection}: input, connection, safety, output, then
 * the rest), the examples of the command's footer, text wrapped between words only ({@link
 * WrappingHelp}), as wide as {@code COLUMNS} says or, at a terminal, as the terminal is (80 columns
 * otherwise).
 */
final class HelpLayout {
  /** The width of the help when nothing says otherwise, and the narrowest picocli lays out. */
  static final int DEFAULT_WIDTH = 80;

  static final int MIN_WIDTH = 55;

  private HelpLayout() {}

  /** Applies the layout to {@code root} and the subcommands it has now. */
  static void apply(CommandLine root, Environment env) {
    root.setHelpFactory(WrappingHelp::new);
    Map<String, CommandLine.IHelpSectionRenderer> sections = root.getHelpSectionMap();
    sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::optionSections);
    root.setHelpSectionMap(sections);
    Integer columns = columns(env);
    if (columns != null) {
      root.setUsageHelpWidth(Math.max(MIN_WIDTH, columns));
    } else {
      // at a terminal picocli asks it for its width (stty), only when help is shown
      root.setUsageHelpAutoWidth(env.terminal());
    }
    List<CommandLine> all = new ArrayList<>(List.of(root));
    all.addAll(root.getSubcommands().values());
    for (CommandLine command : all) {
      UsageMessageSpec usage = command.getCommandSpec().usageMessage();
      usage.abbreviateSynopsis(true);
      usage.descriptionHeading("%n");
      usage.parameterListHeading("%nArguments:%n");
      usage.commandListHeading("%nCommands:%n");
    }
  }

  /**
   * {@code COLUMNS}, as shells and {@code ls} take it: the width to lay text out in; null when
   * unset or not a number.
   */
  private static Integer columns(Environment env) {
    String value = env.env().get("COLUMNS");
    if (value == null || !value.strip().matches("\\d{1,4}")) {
      return null;
    }
    return Integer.valueOf(value.strip());
  }

  /** The options of a command, section by section, each sorted as picocli sorts them. */
  private static String optionSections(Help help) {
    Map<HelpSection.Heading, List<OptionSpec>> bySection = new EnumMap<>(HelpSection.Heading.class);
    List<OptionSpec> other = new ArrayList<>();
    for (OptionSpec option : help.commandSpec().options()) {
      if (option.hidden()) {
        continue;
      }
      HelpSection section = section(option);
      if (section == null) {
        other.add(option);
      } else {
        bySection.computeIfAbsent(section.value(), s -> new ArrayList<>()).add(option);
      }
    }
    StringBuilder text = new StringBuilder();
    bySection.forEach((heading, options) -> text.append(section(help, heading.title, options)));
    if (!other.isEmpty()) {
      text.append(section(help, bySection.isEmpty() ? "Options" : "Other", other));
    }
    return text.toString();
  }

  private static String section(Help help, String title, List<OptionSpec> options) {
    Comparator<OptionSpec> sort = help.createDefaultOptionSort();
    List<OptionSpec> sorted = new ArrayList<>(options);
    if (sort != null) {
      sorted.sort(sort);
    }
    Help.Layout layout = help.createDefaultLayout();
    layout.addOptions(sorted, help.parameterLabelRenderer());
    return help.createHeading("%n" + title + ":%n") + layout;
  }

  /**
   * The section an option is listed in: its own annotation, or its class's (a mixin's); null for
   * none.
   */
  private static HelpSection section(OptionSpec option) {
    if (!(option.userObject() instanceof AnnotatedElement element)
        || !(option.userObject() instanceof Member member)) {
      return null;
    }
    HelpSection own = element.getAnnotation(HelpSection.class);
    return own != null ? own : member.getDeclaringClass().getAnnotation(HelpSection.class);
  }
}
