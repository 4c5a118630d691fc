package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;
import java.util.List;
import java.util.Objects;

/**
 * A beta tester as the file wants it: the email (lower-cased, the natural key), optional names, and the groups
 * (by name) the tester's own entry lists. Group membership is the union of this and the groups' tester lists.
 */
public record TesterSpec(String email, String firstName, String lastName, List<String> groups, SourcePos pos) {
  public TesterSpec {
    Objects.requireNonNull(email, "email");
    groups = List.copyOf(groups);
  }
}
