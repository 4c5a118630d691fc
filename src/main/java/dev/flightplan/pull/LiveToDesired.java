package dev.flightplan.pull;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.BuildRef;
import dev.flightplan.config.BuildSpec;
import dev.flightplan.config.CriterionSpec;
import dev.flightplan.config.GroupSpec;
import dev.flightplan.config.InvitationPolicy;
import dev.flightplan.config.LinkLimit;
import dev.flightplan.config.Manage;
import dev.flightplan.config.PublicLinkSpec;
import dev.flightplan.config.SchemaPatterns;
import dev.flightplan.config.TesterSpec;
import dev.flightplan.kinds.Kind;
import dev.flightplan.kinds.Kinds;
import dev.flightplan.kinds.Pulling;
import dev.flightplan.state.Copies;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveBuild;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveTester;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The desired state that matches an app's live state: what {@code pull} writes. Pure. Natural keys
 * replace ids, server-owned and volatile fields (states, dates, public link URLs, review states,
 * processing) are not carried, and every list is sorted by its key. Only what the file can hold is
 * taken; a value the file format would reject is left out (so left as it is in App Store Connect)
 * and said in a comment. Expired builds are left out: testers cannot install them and planning
 * never takes them away. Testers NOT_INVITED in internal groups only turn {@code invitations.onAdd}
 * off, which would otherwise invite them on the next apply: a pull describes, it does not send
 * email.
 */
final class LiveToDesired {
  /**
   * Builds in the order the file lists them: platform, then version and number compared number by
   * number.
   */
  static final Comparator<BuildRef> BUILD_ORDER =
      Comparator.comparing(BuildRef::platform)
          .thenComparing(BuildRef::version, LiveToDesired::compareVersions)
          .thenComparing(r -> r.number() == null ? "" : r.number(), LiveToDesired::compareVersions);

  private final LiveApp app;
  private final List<String> leftOut = new ArrayList<>();
  private final Map<String, String> groupNames = new HashMap<>();
  private final List<Kind> kinds;
  private final Pulling pulling;

  private LiveToDesired(LiveApp app, int apps, List<Kind> kinds) {
    this.app = app;
    this.kinds = kinds;
    this.pulling = new Pulling(app.bundleId(), apps, leftOut);
    app.groups().forEach(g -> groupNames.put(g.id(), g.name()));
  }

  /** {@code apps}: how many apps the pull writes; every kind takes its part of the app. */
  static PulledApp convert(LiveApp app, int apps) {
    return convert(app, apps, Kinds.all());
  }

  static PulledApp convert(LiveApp app, int apps, List<Kind> kinds) {
    return new LiveToDesired(app, apps, kinds).pulled();
  }

  private PulledApp pulled() {
    // a name App Store Connect holds twice is written once, as the copy plans keep (the next plan
    // shows the other)
    List<GroupSpec> groups =
        Copies.groups(app.groups()).values().stream().map(copies -> group(copies.get(0))).toList();
    List<TesterSpec> testers = new ArrayList<>();
    int publicLink = 0;
    int uninvited = 0;
    for (LiveTester t :
        app.testers().stream()
            .sorted(Comparator.comparing(t -> t.email() == null ? "" : t.email()))
            .toList()) {
      if (t.email() == null || t.joinedByPublicLink()) {
        publicLink++;
      } else if (!SchemaPatterns.accepts("/$defs/email", t.email())) {
        leftOut.add("tester " + t.email() + ": not an email address this file accepts");
      } else {
        testers.add(tester(t));
        uninvited += app.uninvitedInInternalGroupsOnly(t) ? 1 : 0;
      }
    }
    List<BuildSpec> builds = new ArrayList<>();
    for (LiveBuild b : sortedBuilds()) {
      BuildSpec spec = build(b);
      if (spec != null) {
        builds.add(spec);
      }
    }
    AppSpec spec =
        new AppSpec(
            app.bundleId(),
            new Manage(Manage.GroupsMode.ALL, Manage.TestersMode.EXCLUSIVE),
            groups,
            testers,
            null,
            null,
            null,
            uninvited > 0 ? new InvitationPolicy(false, null, null) : InvitationPolicy.DEFAULT,
            builds,
            null);
    // the kinds' parts after the groups, testers and builds, in the kinds' order, their notes after
    // theirs
    for (Kind kind : kinds) {
      spec = kind.pull(app, spec, pulling);
    }
    return new PulledApp(
        spec,
        app.name(),
        publicLink,
        uninvited,
        leftOut,
        pulling.counts(),
        pulling.remarks(),
        pulling.memos(),
        null,
        List.of());
  }

  private GroupSpec group(LiveGroup g) {
    boolean allBuilds = g.internal() && g.accessToAllBuilds();
    List<BuildRef> builds =
        allBuilds
            ? null
            : refs(
                app.builds().stream().filter(b -> b.groupIds().contains(g.id())).toList(),
                "group \"" + g.name() + "\"");
    return new GroupSpec(
        g.name(),
        g.internal(),
        g.internal() ? g.accessToAllBuilds() : null,
        g.feedback(),
        false,
        List.of(),
        g.appleSiliconMac(),
        g.appleVision(),
        g.internal() ? null : publicLink(g),
        builds,
        null,
        Map.of());
  }

  private PublicLinkSpec publicLink(LiveGroup g) {
    LinkLimit limit =
        g.publicLinkLimitEnabled() && g.publicLinkLimit() != null
            ? LinkLimit.of(g.publicLinkLimit())
            : LinkLimit.NONE;
    List<CriterionSpec> criteria = null;
    if (g.criteria() != null) {
      criteria = new ArrayList<>();
      for (LiveGroup.Filter f :
          g.criteria().filters().stream()
              .sorted(Comparator.comparing(LiveGroup.Filter::deviceFamily))
              .toList()) {
        if (!os(f.minOs()) || !os(f.maxOs())) {
          leftOut.add(
              "group \""
                  + g.name()
                  + "\": its recruitment criteria ("
                  + f.label()
                  + " is not an OS range this file accepts)");
          criteria = null;
          break;
        }
        criteria.add(new CriterionSpec(f.deviceFamily(), f.minOs(), f.maxOs(), null));
      }
    } else if (g.publicLinkEnabled()) {
      criteria = List.of();
    }
    return new PublicLinkSpec(g.publicLinkEnabled(), limit, criteria, null);
  }

  private static boolean os(String version) {
    return version == null || SchemaPatterns.accepts("/$defs/osVersion", version);
  }

  private TesterSpec tester(LiveTester t) {
    List<String> groups =
        t.groupIds().stream().map(groupNames::get).filter(n -> n != null).sorted().toList();
    List<LiveBuild> individual =
        app.builds().stream().filter(b -> b.individualTesterIds().contains(t.id())).toList();
    List<BuildRef> builds = refs(individual, "tester " + t.email());
    return new TesterSpec(
        t.email(),
        blankToNull(t.firstName()),
        blankToNull(t.lastName()),
        groups,
        builds == null || builds.isEmpty() ? null : builds,
        null);
  }

  /**
   * The unexpired builds among {@code builds}, sorted; null (left alone) when one of them cannot be
   * written.
   */
  private List<BuildRef> refs(List<LiveBuild> builds, String owner) {
    List<BuildRef> refs = new ArrayList<>();
    for (LiveBuild b : builds) {
      if (b.expired()) {
        continue;
      }
      if (!expressible(b)) {
        leftOut.add(
            owner
                + ": its builds (build "
                + b.label()
                + " has a version or number this file cannot name)");
        return null;
      }
      refs.add(ref(b));
    }
    refs.sort(BUILD_ORDER);
    return refs;
  }

  private List<LiveBuild> sortedBuilds() {
    return app.builds().stream()
        .filter(
            b -> !b.expired() && b.platform() != null && b.version() != null && b.number() != null)
        .sorted(Comparator.comparing(LiveToDesired::ref, BUILD_ORDER))
        .toList();
  }

  private BuildSpec build(LiveBuild b) {
    if (!expressible(b)) {
      leftOut.add("build " + b.label() + ": a version or number this file cannot name");
      return null;
    }
    Map<String, String> whatToTest = new TreeMap<>();
    if (b.whatToTest() != null) {
      b.whatToTest()
          .forEach(
              (locale, text) -> {
                if (text.text() != null && SchemaPatterns.accepts("/$defs/locale", locale)) {
                  whatToTest.put(locale, text.text());
                }
              });
    }
    Boolean autoNotify = b.betaDetail() == null ? null : b.betaDetail().autoNotify();
    BuildSpec bare =
        new BuildSpec(
            ref(b),
            whatToTest.isEmpty() ? null : whatToTest,
            autoNotify,
            b.usesNonExemptEncryption(),
            false,
            null,
            null);
    BuildSpec spec = bare;
    for (Kind kind : kinds) {
      spec = kind.pullBuild(b, spec, pulling);
    }
    boolean nothing =
        whatToTest.isEmpty()
            && autoNotify == null
            && b.usesNonExemptEncryption() == null
            && spec.equals(bare);
    return nothing ? null : spec;
  }

  private static boolean expressible(LiveBuild b) {
    return b.version() != null
        && b.number() != null
        && b.platform() != null
        && SchemaPatterns.accepts("/$defs/appVersion", b.version())
        && SchemaPatterns.accepts("/$defs/buildNumber", b.number())
        && List.of("IOS", "MAC_OS", "TV_OS", "VISION_OS").contains(b.platform());
  }

  private static BuildRef ref(LiveBuild b) {
    return new BuildRef(b.platform(), b.version(), b.number(), false, null);
  }

  private static String blankToNull(String s) {
    return Pulling.blankToNull(s);
  }

  /**
   * Compares dotted numbers number by number (2.9 before 2.10), falling back to text for anything
   * else.
   */
  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c =
          x[i].matches("[0-9]{1,9}") && y[i].matches("[0-9]{1,9}")
              ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]))
              : x[i].compareTo(y[i]);
      if (c != 0) {
        return c;
      }
    }
    int c = Integer.compare(x.length, y.length);
    return c != 0 ? c : a.compareTo(b);
  }
}
