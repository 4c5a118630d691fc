package dev.flightplan.config;

import java.util.Objects;

/**
 * What the file owns of an app, so that nothing outside it is ever deleted.
 *
 * <p>{@code groups}: LISTED means only the groups named in the file are managed; ALL means the file
 * describes every group of the app, so unlisted groups may be deleted (with {@code --prune}).
 * {@code testers}: ADDITIVE never removes a tester from anything; EXCLUSIVE removes members of
 * managed groups that the file does not list, and (with {@code --prune}) removes testers the file
 * does not list from the app.
 */
public record Manage(GroupsMode groups, TestersMode testers) {
  public enum GroupsMode {
    LISTED,
    ALL
  }

  public enum TestersMode {
    ADDITIVE,
    EXCLUSIVE
  }

  public static final Manage DEFAULT = new Manage(GroupsMode.LISTED, TestersMode.ADDITIVE);

  public Manage {
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(testers, "testers");
  }
}
