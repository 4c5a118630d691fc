package dev.flightplan.sandbox;

import java.util.Objects;

/** A beta App Clip invocation of one App Clip build bundle: the URL testers open it with. */
record ClipInvocation(String id, String buildBundle, String url) {
  ClipInvocation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(buildBundle, "buildBundle");
    Objects.requireNonNull(url, "url");
  }

  ClipInvocation withUrl(String newUrl) {
    return new ClipInvocation(id, buildBundle, newUrl);
  }
}
