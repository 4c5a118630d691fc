package dev.flightplan.sandbox;

import java.util.Objects;

/**
 * A beta group of one app. {@code publicLinkId} is generated the first time a public link is
 * enabled and kept afterwards, so the link stays the same when it is switched off and on again;
 * {@code publicLinkLimit} is null until set. {@code createdDate} is an ISO-8601 instant.
 */
record Group(
    String id,
    String app,
    String name,
    String createdDate,
    boolean internal,
    boolean accessToAllBuilds,
    boolean publicLinkEnabled,
    boolean publicLinkLimitEnabled,
    Integer publicLinkLimit,
    String publicLinkId,
    boolean feedbackEnabled,
    boolean appleSiliconMac,
    boolean appleVision) {
  Group {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdDate, "createdDate");
  }

  String publicLink() {
    return publicLinkId == null ? null : "https://testflight.apple.com/join/" + publicLinkId;
  }

  Group withName(String newName) {
    return new Group(
        id,
        app,
        newName,
        createdDate,
        internal,
        accessToAllBuilds,
        publicLinkEnabled,
        publicLinkLimitEnabled,
        publicLinkLimit,
        publicLinkId,
        feedbackEnabled,
        appleSiliconMac,
        appleVision);
  }

  Group withPublicLink(boolean enabled, String linkId) {
    return new Group(
        id,
        app,
        name,
        createdDate,
        internal,
        accessToAllBuilds,
        enabled,
        publicLinkLimitEnabled,
        publicLinkLimit,
        linkId,
        feedbackEnabled,
        appleSiliconMac,
        appleVision);
  }

  Group withPublicLinkLimit(boolean enabled, Integer limit) {
    return new Group(
        id,
        app,
        name,
        createdDate,
        internal,
        accessToAllBuilds,
        publicLinkEnabled,
        enabled,
        limit,
        publicLinkId,
        feedbackEnabled,
        appleSiliconMac,
        appleVision);
  }

  Group withFlags(boolean feedback, boolean siliconMac, boolean vision) {
    return new Group(
        id,
        app,
        name,
        createdDate,
        internal,
        accessToAllBuilds,
        publicLinkEnabled,
        publicLinkLimitEnabled,
        publicLinkLimit,
        publicLinkId,
        feedback,
        siliconMac,
        vision);
  }
}
