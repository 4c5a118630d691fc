package dev.flightplan.config;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves plain scalars the YAML 1.2 way instead of SnakeYAML's YAML 1.1 default: only {@code
 * true}/{@code false} are booleans (so {@code yes}, {@code no}, {@code on}, {@code off} stay
 * strings and a group called {@code NO} stays "NO"), only decimal numbers are numbers, and dates
 * are strings. A string where a boolean belongs is then reported by the schema, instead of a silent
 * yes becoming true.
 */
final class CoreSchemaResolver extends Resolver {
  private static final Pattern CORE_BOOL =
      Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
  private static final Pattern CORE_INT = Pattern.compile("^[-+]?[0-9]+$");
  private static final Pattern CORE_FLOAT =
      Pattern.compile("^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$");

  @Override
  protected void addImplicitResolvers() {
    addImplicitResolver(Tag.BOOL, CORE_BOOL, "tTfF", 10);
    addImplicitResolver(Tag.INT, CORE_INT, "-+0123456789", 64);
    addImplicitResolver(Tag.FLOAT, CORE_FLOAT, "-+0123456789.", 64);
    addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
    addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
    addImplicitResolver(Tag.NULL, EMPTY, null, 10);
  }
}
