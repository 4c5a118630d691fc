package dev.flightplan.sandbox;

import java.util.Objects;

/**
 * The title of a beta App Clip invocation in one locale (a {@code
 * betaAppClipInvocationLocalizations} resource).
 */
record ClipTitle(String id, String invocation, String locale, String title) {
  ClipTitle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(invocation, "invocation");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(title, "title");
  }

  ClipTitle withTitle(String newTitle) {
    return new ClipTitle(id, invocation, locale, newTitle);
  }
}
