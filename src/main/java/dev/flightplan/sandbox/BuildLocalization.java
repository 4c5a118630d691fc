package dev.flightplan.sandbox;

import java.util.Objects;

/**
 * The "What to Test" text of one build in one locale (a {@code betaBuildLocalizations} resource).
 */
record BuildLocalization(String id, String build, String locale, String whatsNew) {
  BuildLocalization {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(locale, "locale");
  }
}
