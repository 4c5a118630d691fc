package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A beta tester as the file wants it: the email (lower-cased, the natural key), optional names, and
 * the groups (by name) the tester's own entry lists. Group membership is the union of this and the
 * groups' tester lists. {@code builds}: builds given to this tester individually (null: not
 * managed). {@code groupsAt}: where the entry's {@code groups} names each group (in the YAML or a
 * CSV row); empty when the tester was not read from a file.
 */
public record TesterSpec(
    String email,
    String firstName,
    String lastName,
    List<String> groups,
    List<BuildRef> builds,
    SourcePos pos,
    Map<String, SourcePos> groupsAt) {
  public TesterSpec {
    Objects.requireNonNull(email, "email");
    groups = List.copyOf(groups);
    builds = builds == null ? null : List.copyOf(builds);
    groupsAt = Map.copyOf(groupsAt);
  }

  /** A tester whose groups' positions are not known (not read from a file). */
  public TesterSpec(
      String email,
      String firstName,
      String lastName,
      List<String> groups,
      List<BuildRef> builds,
      SourcePos pos) {
    this(email, firstName, lastName, groups, builds, pos, Map.of());
  }

  /** Where this tester's own entry names {@code group}; the entry's position if it does not. */
  public SourcePos groupPos(String group) {
    return groupsAt.getOrDefault(group, pos);
  }

  /** A tester whose individual builds are not managed. */
  public TesterSpec(
      String email, String firstName, String lastName, List<String> groups, SourcePos pos) {
    this(email, firstName, lastName, groups, null, pos);
  }
}
