package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A beta group as the file wants it. A null value means "not said in the file": the live value is
 * left alone. {@code testers} are the emails listed under the group, lower-cased, without
 * duplicates, in file order. {@code appleSiliconMac} and {@code appleVision}: whether iOS builds
 * are offered on Apple silicon Macs and Apple Vision Pro. {@code publicLink} (external groups only)
 * and {@code builds} (null: not managed; otherwise exactly the builds the group gets) are null when
 * not said. {@code testersAt}: where the group's {@code testers} list names each email (the first
 * time), for messages about one membership; empty when the group was not read from a file. {@code
 * renamedFrom}: the name the group had before (null when the file says none): the live group of
 * that name is this group, renamed in place. {@code inactiveTesters}: the group's own
 * inactive-tester policy (external groups only; null when the file says none): inactive members
 * leave this group. Its {@code keepGroups} is empty and {@code keepInternal} false, keys a group's
 * policy does not have.
 */
public record GroupSpec(
    String name,
    boolean internal,
    Boolean accessToAllBuilds,
    Boolean feedback,
    boolean protect,
    List<String> testers,
    Boolean appleSiliconMac,
    Boolean appleVision,
    PublicLinkSpec publicLink,
    List<BuildRef> builds,
    SourcePos pos,
    Map<String, SourcePos> testersAt,
    String renamedFrom,
    InactiveTesterPolicy inactiveTesters) {
  public GroupSpec {
    Objects.requireNonNull(name, "name");
    testers = List.copyOf(testers);
    builds = builds == null ? null : List.copyOf(builds);
    testersAt = Map.copyOf(testersAt);
  }

  /** A group without an inactive-tester policy of its own. */
  public GroupSpec(
      String name,
      boolean internal,
      Boolean accessToAllBuilds,
      Boolean feedback,
      boolean protect,
      List<String> testers,
      Boolean appleSiliconMac,
      Boolean appleVision,
      PublicLinkSpec publicLink,
      List<BuildRef> builds,
      SourcePos pos,
      Map<String, SourcePos> testersAt,
      String renamedFrom) {
    this(
        name,
        internal,
        accessToAllBuilds,
        feedback,
        protect,
        testers,
        appleSiliconMac,
        appleVision,
        publicLink,
        builds,
        pos,
        testersAt,
        renamedFrom,
        null);
  }

  /** A group that was not renamed. */
  public GroupSpec(
      String name,
      boolean internal,
      Boolean accessToAllBuilds,
      Boolean feedback,
      boolean protect,
      List<String> testers,
      Boolean appleSiliconMac,
      Boolean appleVision,
      PublicLinkSpec publicLink,
      List<BuildRef> builds,
      SourcePos pos,
      Map<String, SourcePos> testersAt) {
    this(
        name,
        internal,
        accessToAllBuilds,
        feedback,
        protect,
        testers,
        appleSiliconMac,
        appleVision,
        publicLink,
        builds,
        pos,
        testersAt,
        null);
  }

  /**
   * Where the file lists {@code email} among this group's testers; the group's position if it does
   * not.
   */
  public SourcePos testerPos(String email) {
    return testersAt.getOrDefault(email, pos);
  }

  /** A group with only the settings of the first release (no link, flags or builds managed). */
  public GroupSpec(
      String name,
      boolean internal,
      Boolean accessToAllBuilds,
      Boolean feedback,
      boolean protect,
      List<String> testers,
      SourcePos pos) {
    this(
        name,
        internal,
        accessToAllBuilds,
        feedback,
        protect,
        testers,
        null,
        null,
        null,
        null,
        pos,
        Map.of());
  }
}
