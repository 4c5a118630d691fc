package dev.flightplan.plan;

import java.util.List;
import java.util.Objects;

/**
 * One difference inside an update: a scalar attribute, or the members added to and removed from a
 * set.
 */
public sealed interface Change {
  String attribute();

  /**
   * A scalar attribute changes from {@code before} to {@code after} (either may be null: unset).
   */
  record Value(String attribute, Object before, Object after) implements Change {
    public Value {
      Objects.requireNonNull(attribute, "attribute");
    }
  }

  /**
   * A set attribute (such as a group's testers) gains {@code added} and loses {@code removed}; both
   * sorted.
   */
  record Members(String attribute, List<String> added, List<String> removed) implements Change {
    public Members {
      Objects.requireNonNull(attribute, "attribute");
      added = added.stream().sorted().toList();
      removed = removed.stream().sorted().toList();
    }
  }
}
