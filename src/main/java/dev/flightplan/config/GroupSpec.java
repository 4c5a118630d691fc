package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;
import java.util.List;
import java.util.Objects;

/**
 * A beta group as the file wants it. A null Boolean means "not said in the file": the live value is left alone.
 * {@code testers} are the emails listed under the group, lower-cased, without duplicates, in file order.
 */
public record GroupSpec(
    String name,
    boolean internal,
    Boolean accessToAllBuilds,
    Boolean feedback,
    boolean protect,
    List<String> testers,
    SourcePos pos) {
  public GroupSpec {
    Objects.requireNonNull(name, "name");
    testers = List.copyOf(testers);
  }
}
