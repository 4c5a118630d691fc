package dev.flightplan.config;

import dev.flightplan.diag.Diagnostic;
import dev.flightplan.diag.SourcePos;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns a SnakeYAML syntax error into one positioned diagnostic worded for people, not parser
 * authors.
 */
final class YamlSyntax {
  private YamlSyntax() {}

  static Diagnostic diagnostic(PositionMap positions, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    SourcePos pos = mark != null ? positions.at(mark) : new SourcePos(positions.file(), 1, 1);
    String problem = e.getProblem() != null ? e.getProblem() : String.valueOf(e.getContext());
    if (problem.contains("\\t(TAB)") || problem.contains("\t")) {
      return Diagnostic.error(pos, "invalid YAML: a tab character; indent with spaces, not tabs");
    }
    String hint = null;
    if (problem.startsWith("mapping values are not allowed")) {
      hint = "': ' starts a key; quote a value that contains ': ', or fix the indentation";
    }
    if (hint == null
        && e.getProblem() != null
        && e.getContext() != null
        && e.getContextMark() != null) {
      hint = context(e.getContext()) + " at line " + (e.getContextMark().getLine() + 1);
    }
    return Diagnostic.error(pos, "invalid YAML: " + problem(problem), hint);
  }

  private static String problem(String problem) {
    if (problem.startsWith("expected <block end>")) {
      return "bad indentation; this line does not line up with the lines above it";
    }
    return problem
        .replace("<stream end>", "the end of the file")
        .replace("<document start>", "'---'")
        .replace("<block mapping start>", "a new mapping")
        .replace("<block sequence start>", "a new list")
        .replace("<block end>", "the end of the block");
  }

  private static String context(String context) {
    return context
        .replace("while parsing a block mapping", "in the mapping that starts")
        .replace("while parsing a block collection", "in the list that starts")
        .replace("while parsing a flow sequence", "in the [...] list that starts")
        .replace("while parsing a flow mapping", "in the {...} mapping that starts")
        .replace("while scanning a quoted scalar", "in the quoted string that starts")
        .replace("while scanning a simple key", "in the key that starts");
  }
}
