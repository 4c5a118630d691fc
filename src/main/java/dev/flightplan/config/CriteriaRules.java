package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.diag.Quote;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * The rules about a public link's recruitment criteria that JSON Schema cannot say: each device
 * family at most once, and an OS range that is not empty (minOs ≤ maxOs, compared number by number:
 * 17.10 is above 17.9, and 17 equals 17.0). Which OS versions exist is App Store Connect's to say,
 * when planning.
 */
final class CriteriaRules {
  private final Checks checks;

  CriteriaRules(Checks checks) {
    this.checks = checks;
  }

  void check(JsonNode criteria, String at) {
    Map<String, String> families = new HashMap<>();
    JsonNode list = Checks.list(criteria);
    for (int i = 0; i < list.size(); i++) {
      String entry = Pointer.child(at, i);
      JsonNode criterion = list.get(i);
      String family = checks.text(criterion, entry, "deviceFamily");
      if (family != null) {
        checks.unique(
            families,
            family,
            Pointer.child(entry, "deviceFamily"),
            () -> Quote.of(family) + " is listed twice in the criteria of this public link");
      }
      String min =
          criterion.has("minOs") ? checks.written(criterion, entry, "minOs", "osVersion") : null;
      String max =
          criterion.has("maxOs") ? checks.written(criterion, entry, "maxOs", "osVersion") : null;
      if (min != null && max != null && compare(min, max) > 0) {
        checks.error(
            checks.positions().value(Pointer.child(entry, "maxOs")),
            "maxOs " + max + " is below minOs " + min + ", so no device could join",
            "minOs must not be above maxOs");
      }
    }
  }

  /** Compares dotted versions number by number; missing parts count as 0. */
  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      BigInteger p = i < x.length ? new BigInteger(x[i]) : BigInteger.ZERO;
      BigInteger q = i < y.length ? new BigInteger(y[i]) : BigInteger.ZERO;
      int c = p.compareTo(q);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
