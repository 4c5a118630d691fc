package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;
import java.util.List;
import java.util.Objects;

/**
 * A beta tester as the file wants it: the email (lower-cased, the natural key), optional names, and the groups
 * (by name) the tester's own entry lists. Group membership is the union of this and the groups' tester lists.
 * {@code builds}: builds given to this tester individually (null: not managed).
 */
public record TesterSpec(
    String email, String firstName, String lastName, List<String> groups, List<BuildRef> builds, SourcePos pos) {
  public TesterSpec {
    Objects.requireNonNull(email, "email");
    groups = List.copyOf(groups);
    builds = builds == null ? null : List.copyOf(builds);
  }

  /** A tester whose individual builds are not managed. */
  public TesterSpec(String email, String firstName, String lastName, List<String> groups, SourcePos pos) {
    this(email, firstName, lastName, groups, null, pos);
  }
}
