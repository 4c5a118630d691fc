package dev.flightplan.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's documentation as it is on disk when the tests run: the Markdown files (at the root,
 * in docs/ and in examples/), their fenced code blocks and their inline code spans, and the
 * workflow files ({@code .yml} in examples/ and .github/workflows/). Read at test time, so that a
 * document added or changed on any branch is checked once merged.
 */
final class DocFiles {
  private static final Pattern FENCE =
      Pattern.compile("^( *)(`{3,}|~{3,})\\s*([A-Za-z0-9_+-]*).*$");
  private static final Pattern SPAN = Pattern.compile("(?<!`)`((?:[^`\\n]|\\n(?!\\s*\\n))+)`(?!`)");

  /**
   * A fenced code block: where it starts (the fence's line), its language tag ("" when none) and
   * its lines.
   */
  record Block(Path file, int line, String language, String text) {}

  /** An inline code span, on one line or across a line break ({@code line}: where it starts). */
  record Span(Path file, int line, String text) {}

  private DocFiles() {}

  static List<Path> markdown() {
    List<Path> files = new ArrayList<>(list(Path.of("."), 1, ".md"));
    files.addAll(list(Path.of("docs"), Integer.MAX_VALUE, ".md"));
    files.addAll(list(Path.of("examples"), Integer.MAX_VALUE, ".md"));
    return files;
  }

  static List<Path> workflows() {
    List<Path> files = new ArrayList<>(list(Path.of("examples"), Integer.MAX_VALUE, ".yml"));
    files.addAll(list(Path.of(".github/workflows"), 1, ".yml"));
    return files;
  }

  static List<Block> blocks(Path file) {
    List<Block> blocks = new ArrayList<>();
    List<String> lines = read(file).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      String fence = open.group(2);
      int indent = open.group(1).length();
      StringBuilder text = new StringBuilder();
      int j = i + 1;
      for (; j < lines.size() && !lines.get(j).strip().startsWith(fence); j++) {
        String line = lines.get(j);
        text.append(
                line, Math.min(indent, line.length() - line.stripLeading().length()), line.length())
            .append('\n');
      }
      blocks.add(new Block(file, i + 1, open.group(3), text.toString()));
      i = j;
    }
    return blocks;
  }

  /**
   * The inline code spans outside fenced blocks, white space (line breaks included) folded to one
   * space.
   */
  static List<Span> spans(Path file) {
    List<String> lines = new ArrayList<>(read(file).lines().toList());
    for (Block b : blocks(file)) {
      int count = (int) b.text().lines().count() + 2;
      for (int k = b.line() - 1; k < Math.min(lines.size(), b.line() - 1 + count); k++) {
        lines.set(k, "");
      }
    }
    String text = String.join("\n", lines);
    List<Span> spans = new ArrayList<>();
    Matcher m = SPAN.matcher(text);
    while (m.find()) {
      int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
      spans.add(new Span(file, line, m.group(1).strip().replaceAll("\\s+", " ")));
    }
    return spans;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path dir, int depth, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(dir, depth)) {
      return all.filter(p -> p.toString().endsWith(suffix) && Files.isRegularFile(p))
          .map(p -> p.normalize())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
