package dev.flightplan.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * An uploaded build of one app, as seeded (the API cannot upload): its pre-release version (app
 * version and platform), its build number ({@code version}, as the API names it), processing state,
 * audience, export compliance ({@code usesNonExemptEncryption}, null until answered), expiry, the
 * auto-notify flag of its beta details, and the ids of the beta groups and of the testers it was
 * given to, each without duplicates in the order they were added. Dates are ISO-8601 instants.
 */
record Build(
    String id,
    String app,
    String preReleaseVersion,
    String version,
    String uploadedDate,
    String minOsVersion,
    String processingState,
    String buildAudienceType,
    Boolean usesNonExemptEncryption,
    boolean expired,
    boolean autoNotifyEnabled,
    List<String> groups,
    List<String> individualTesters) {
  /** Builds can be tested for 90 days after their upload. */
  static final Duration LIFETIME = Duration.ofDays(90);

  Build {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(preReleaseVersion, "preReleaseVersion");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(uploadedDate, "uploadedDate");
    Objects.requireNonNull(processingState, "processingState");
    Objects.requireNonNull(buildAudienceType, "buildAudienceType");
    groups = List.copyOf(new LinkedHashSet<>(groups == null ? List.of() : groups));
    individualTesters =
        List.copyOf(new LinkedHashSet<>(individualTesters == null ? List.of() : individualTesters));
  }

  String expirationDate() {
    return Instant.parse(uploadedDate).plus(LIFETIME).toString();
  }

  /** Processed, valid and not expired: the only builds testers can be given. */
  boolean testable() {
    return processingState.equals("VALID") && !expired;
  }

  Build withExpired(boolean newExpired) {
    return new Build(
        id,
        app,
        preReleaseVersion,
        version,
        uploadedDate,
        minOsVersion,
        processingState,
        buildAudienceType,
        usesNonExemptEncryption,
        newExpired,
        autoNotifyEnabled,
        groups,
        individualTesters);
  }

  Build withProcessingState(String state) {
    return new Build(
        id,
        app,
        preReleaseVersion,
        version,
        uploadedDate,
        minOsVersion,
        state,
        buildAudienceType,
        usesNonExemptEncryption,
        expired,
        autoNotifyEnabled,
        groups,
        individualTesters);
  }

  Build withEncryption(Boolean uses) {
    return new Build(
        id,
        app,
        preReleaseVersion,
        version,
        uploadedDate,
        minOsVersion,
        processingState,
        buildAudienceType,
        uses,
        expired,
        autoNotifyEnabled,
        groups,
        individualTesters);
  }

  Build withAutoNotify(boolean enabled) {
    return new Build(
        id,
        app,
        preReleaseVersion,
        version,
        uploadedDate,
        minOsVersion,
        processingState,
        buildAudienceType,
        usesNonExemptEncryption,
        expired,
        enabled,
        groups,
        individualTesters);
  }

  Build withGroups(List<String> newGroups) {
    return new Build(
        id,
        app,
        preReleaseVersion,
        version,
        uploadedDate,
        minOsVersion,
        processingState,
        buildAudienceType,
        usesNonExemptEncryption,
        expired,
        autoNotifyEnabled,
        newGroups,
        individualTesters);
  }

  Build withTesters(List<String> newTesters) {
    return new Build(
        id,
        app,
        preReleaseVersion,
        version,
        uploadedDate,
        minOsVersion,
        processingState,
        buildAudienceType,
        usesNonExemptEncryption,
        expired,
        autoNotifyEnabled,
        groups,
        newTesters);
  }

  static List<String> plus(List<String> list, String value) {
    List<String> copy = new ArrayList<>(list);
    copy.add(value);
    return copy;
  }

  static List<String> minus(List<String> list, String value) {
    List<String> copy = new ArrayList<>(list);
    copy.remove(value);
    return copy;
  }
}
