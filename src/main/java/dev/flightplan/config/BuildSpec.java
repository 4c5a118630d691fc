package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the file wants of one build. Null means "not said": left alone. {@code whatToTest} maps
 * locale to the "What to Test" text (null: not managed); {@code appClipInvocations} null: not
 * managed, empty: none. {@code submitForReview}: submit the build for beta review when it has no
 * submission yet.
 */
public record BuildSpec(
    BuildRef ref,
    Map<String, String> whatToTest,
    Boolean autoNotify,
    Boolean usesNonExemptEncryption,
    boolean submitForReview,
    List<InvocationSpec> appClipInvocations,
    SourcePos pos) {
  public BuildSpec {
    Objects.requireNonNull(ref, "ref");
    whatToTest = whatToTest == null ? null : Collections.unmodifiableMap(new TreeMap<>(whatToTest));
    appClipInvocations = appClipInvocations == null ? null : List.copyOf(appClipInvocations);
  }

  /** This build with other App Clip invocations (null: not managed). */
  public BuildSpec withAppClipInvocations(List<InvocationSpec> other) {
    return new BuildSpec(
        ref, whatToTest, autoNotify, usesNonExemptEncryption, submitForReview, other, pos);
  }
}
