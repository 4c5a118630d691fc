package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;
import java.util.List;

/**
 * The public link of an external group: whether it is enabled, the most testers who may join through it (1 to
 * 10,000; the limit is enabled exactly when one is given), and the recruitment criteria (null: not managed; an
 * empty list: no criteria).
 */
public record PublicLinkSpec(boolean enabled, Integer limit, List<CriterionSpec> criteria, SourcePos pos) {
  public PublicLinkSpec {
    criteria = criteria == null ? null : List.copyOf(criteria);
  }
}
