package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One app's desired TestFlight setup: groups and testers keyed by name and lower-cased email.
 *
 * <p>{@code localizations} (null: not managed), {@code licenseAgreement} and {@code reviewDetail}
 * (null: not managed) describe the app's beta information; {@code invitations} says when invitation
 * emails are sent; {@code builds} lists what the file wants of particular builds. {@code
 * inactiveTesters} and {@code buildExpiry} are the app's hygiene policies (null: none declared, and
 * nothing is read for them).
 *
 * <p>Invariants (guaranteed by the loader): group names are unique, tester emails are unique, and
 * every group a tester names exists in {@code groups}. {@link #testers()} holds every tester the
 * file mentions, including those listed only under a group.
 */
public record AppSpec(
    String bundleId,
    Manage manage,
    List<GroupSpec> groups,
    List<TesterSpec> testers,
    List<LocalizationSpec> localizations,
    String licenseAgreement,
    ReviewDetailSpec reviewDetail,
    InvitationPolicy invitations,
    List<BuildSpec> builds,
    InactiveTesterPolicy inactiveTesters,
    BuildExpiryPolicy buildExpiry,
    SourcePos pos) {
  public AppSpec {
    Objects.requireNonNull(bundleId, "bundleId");
    Objects.requireNonNull(manage, "manage");
    groups = List.copyOf(groups);
    testers = List.copyOf(testers);
    localizations = localizations == null ? null : List.copyOf(localizations);
    invitations = invitations == null ? InvitationPolicy.DEFAULT : invitations;
    builds = builds == null ? List.of() : List.copyOf(builds);
  }

  /** An app without hygiene policies. */
  public AppSpec(
      String bundleId,
      Manage manage,
      List<GroupSpec> groups,
      List<TesterSpec> testers,
      List<LocalizationSpec> localizations,
      String licenseAgreement,
      ReviewDetailSpec reviewDetail,
      InvitationPolicy invitations,
      List<BuildSpec> builds,
      SourcePos pos) {
    this(
        bundleId,
        manage,
        groups,
        testers,
        localizations,
        licenseAgreement,
        reviewDetail,
        invitations,
        builds,
        null,
        null,
        pos);
  }

  /** An app with only groups and testers managed. */
  public AppSpec(
      String bundleId,
      Manage manage,
      List<GroupSpec> groups,
      List<TesterSpec> testers,
      SourcePos pos) {
    this(bundleId, manage, groups, testers, null, null, null, null, null, pos);
  }

  /** This app with other testers. */
  public AppSpec withTesters(List<TesterSpec> other) {
    return new AppSpec(
        bundleId,
        manage,
        groups,
        other,
        localizations,
        licenseAgreement,
        reviewDetail,
        invitations,
        builds,
        pos);
  }

  /** This app with other beta app localizations (null: not managed). */
  public AppSpec withLocalizations(List<LocalizationSpec> other) {
    return new AppSpec(
        bundleId,
        manage,
        groups,
        testers,
        other,
        licenseAgreement,
        reviewDetail,
        invitations,
        builds,
        pos);
  }

  /** This app with another license agreement (null: not managed). */
  public AppSpec withLicenseAgreement(String other) {
    return new AppSpec(
        bundleId,
        manage,
        groups,
        testers,
        localizations,
        other,
        reviewDetail,
        invitations,
        builds,
        pos);
  }

  /** This app with other review details (null: not managed). */
  public AppSpec withReviewDetail(ReviewDetailSpec other) {
    return new AppSpec(
        bundleId,
        manage,
        groups,
        testers,
        localizations,
        licenseAgreement,
        other,
        invitations,
        builds,
        pos);
  }

  /**
   * Group name → emails of its members (union of the group's list and the testers' group lists),
   * sorted.
   */
  public Map<String, Set<String>> membersByGroup() {
    Map<String, Set<String>> members = new LinkedHashMap<>();
    for (GroupSpec g : groups) {
      members.put(g.name(), new TreeSet<>(g.testers()));
    }
    for (TesterSpec t : testers) {
      for (String group : t.groups()) {
        members.computeIfAbsent(group, k -> new TreeSet<>()).add(t.email());
      }
    }
    return members;
  }

  /** Email → names of the groups the tester belongs to, in group order. */
  public Map<String, Set<String>> groupsByTester() {
    Map<String, Set<String>> result = new LinkedHashMap<>();
    for (TesterSpec t : testers) {
      result.put(t.email(), new LinkedHashSet<>());
    }
    membersByGroup()
        .forEach(
            (group, emails) ->
                emails.forEach(
                    e -> result.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(group)));
    return result;
  }

  public List<String> groupNames() {
    List<String> names = new ArrayList<>();
    groups.forEach(g -> names.add(g.name()));
    return names;
  }

  /**
   * The app's inactive-tester policies: the app's, then its groups' in file order (all name the
   * same period: the loader checks it).
   */
  public List<InactiveTesterPolicy> inactiveTesterPolicies() {
    List<InactiveTesterPolicy> all = new java.util.ArrayList<>();
    if (inactiveTesters != null) {
      all.add(inactiveTesters);
    }
    groups.stream().map(GroupSpec::inactiveTesters).filter(Objects::nonNull).forEach(all::add);
    return all;
  }

  /**
   * Whether an inactive-tester policy counts a grace from the invitation log's dates, so that the
   * log records when flightplan first sees each tester.
   */
  public boolean datesTesters() {
    return inactiveTesterPolicies().stream().anyMatch(p -> p.graceDays() > 0);
  }
}
