package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;
import java.util.List;

/**
 * The public link of an external group: whether it is enabled, the most testers who may join
 * through it (null: left as it is; {@link LinkLimit#NONE}: no limit), and the recruitment criteria
 * (null: left as they are; an empty list: no criteria).
 */
public record PublicLinkSpec(
    boolean enabled, LinkLimit limit, List<CriterionSpec> criteria, SourcePos pos) {
  public PublicLinkSpec {
    criteria = criteria == null ? null : List.copyOf(criteria);
  }
}
