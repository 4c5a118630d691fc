package dev.flightplan.plan;

/**
 * When, within one app, an API call is sent. Apply sends an app's calls phase by phase, so that
 * whatever a call depends on (a group before testers are added to it; an internal group before an
 * external one) already exists.
 */
public enum Phase {
  /** Deleting the old copy of a replaced group, so that its name is free. */
  GROUP_REPLACE_DELETE,
  /** Creating internal groups: an app needs one before it may have external groups. */
  GROUP_CREATE_INTERNAL,
  GROUP_CREATE_EXTERNAL,
  GROUP_UPDATE,
  MEMBERSHIP_ADD,
  TESTER_CREATE,
  MEMBERSHIP_REMOVE,
  /** Beta app information: what testers and Apple's beta reviewers read. */
  APP_INFO,
  /** Build settings that must hold before a build is given out (export compliance, auto-notify). */
  BUILD_UPDATE,
  /** What to Test, per locale: needed before a build is submitted for review. */
  BUILD_LOCALIZATION,
  /** Submitting builds for beta review, once everything the review needs is in place. */
  REVIEW_SUBMIT,
  /** Giving builds to groups and testers, which must come before a public link is enabled. */
  BUILD_ASSIGN,
  /**
   * Enabling a public link (or changing its limit): Apple refuses it until the group has a build.
   */
  PUBLIC_LINK,
  RECRUITMENT_CRITERIA,
  /** Deleting App Clip invocations before creating others: a build has room for three. */
  APP_CLIP_DELETE,
  APP_CLIP_CREATE,
  APP_CLIP_UPDATE,
  /** Build notifications, after builds are given to groups. */
  NOTIFY,
  /** Invitation emails, after testers are created and given their builds. */
  INVITE,
  BUILD_UNASSIGN,
  /** Expiring builds (the build expiry policy), once no call of this apply gives them to anyone. */
  BUILD_EXPIRE,
  TESTER_REMOVE,
  GROUP_DELETE
}
