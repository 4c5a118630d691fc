package dev.flightplan.plan;

/**
 * When, within one app, an API call is sent. Apply sends an app's calls phase by phase, so that whatever a call
 * depends on (a group before testers are added to it; an internal group before an external one) already exists.
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
  TESTER_REMOVE,
  GROUP_DELETE
}
