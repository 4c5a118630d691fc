package dev.flightplan.pull;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.BuildRef;
import dev.flightplan.config.BuildSpec;
import dev.flightplan.config.CriterionSpec;
import dev.flightplan.config.GroupSpec;
import dev.flightplan.config.PublicLinkSpec;
import dev.flightplan.config.SchemaPatterns;
import dev.flightplan.config.TesterSpec;
import dev.flightplan.kinds.Kind;
import dev.flightplan.kinds.Kinds;
import dev.flightplan.kinds.YamlOut;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes pulled apps as a desired-state file; it owns every byte of that format. The order is fixed
 * (apps by bundle id, groups by name, testers by email, builds by platform, version and number,
 * locales sorted) whatever order the records come in, and nothing varies but what is in App Store
 * Connect (the header has no time), so two pulls of the same state give the same bytes and a diff
 * shows only what changed. Groups, builds and the app's information are written in block style;
 * each tester on one line, so a list of thousands stays readable. The kinds write their own keys
 * ({@link Kind#write}) through this writer, after the app's comments.
 */
final class YamlWriter implements YamlOut {
  private static final String APP = "  ";

  /**
   * Where the state was read from (an endpoint, never a credential). Not when: the file holds
   * nothing that is not App Store Connect's state, so two pulls of one state are the same bytes
   * (the commit that adds the file dates it).
   */
  record Header(String source) {}

  private final StringBuilder out = new StringBuilder();
  private final List<Kind> kinds;

  private YamlWriter(List<Kind> kinds) {
    this.kinds = kinds;
  }

  static String write(Header header, List<PulledApp> apps) {
    return write(header, apps, Kinds.all());
  }

  static String write(Header header, List<PulledApp> apps, List<Kind> kinds) {
    YamlWriter w = new YamlWriter(kinds);
    w.header(header);
    w.line("version: 1");
    w.line("apps:");
    List<PulledApp> sorted =
        apps.stream().sorted(Comparator.comparing(a -> a.spec().bundleId())).toList();
    for (int i = 0; i < sorted.size(); i++) {
      if (i > 0) {
        w.line("");
      }
      w.app(sorted.get(i));
    }
    return w.out.toString();
  }

  private void header(Header h) {
    line("# yaml-language-server: $schema=" + SchemaPatterns.schemaId());
    line("#");
    line("# Pulled by `flightplan pull` from " + oneLine(h.source()) + ".");
    line(
        "# It describes what App Store Connect had, normalised (names instead of ids, sorted, nothing that");
    line(
        "# App Store Connect sets by itself), so `flightplan plan` on it right away shows no changes. Commit it;");
    line("# from then on a plan shows exactly what your edits change.");
  }

  private void app(PulledApp pulled) {
    AppSpec app = pulled.spec();
    line(
        APP
            + "- bundleId: "
            + YamlScalars.block(app.bundleId())
            + (pulled.name() == null || pulled.name().isBlank()
                ? ""
                : "   # " + oneLine(pulled.name())));
    line(
        IN_APP
            + "# This file describes everything flightplan manages of the app, so it owns it all: groups it does");
    line(
        IN_APP
            + "# not list are deleted by apply --prune, and members it does not list leave their groups.");
    line(IN_APP + "manage: { groups: all, testers: exclusive }");
    for (String note : pulled.leftOut()) {
      line(IN_APP + "# Left out, so left as it is: " + oneLine(note));
    }
    for (Kind kind : kinds) {
      kind.write(app, pulled.memos().get(kind.key()), this);
    }
    invitations(pulled);
    groups(app.groups());
    testers(pulled);
    builds(app.builds());
  }

  /** Only when onAdd is off: a pulled file leaves invitations at their default otherwise. */
  private void invitations(PulledApp pulled) {
    if (pulled.spec().invitations().onAdd()) {
      return;
    }
    line(
        IN_APP
            + "# "
            + pulled.uninvitedInternal()
            + " tester(s) in internal groups only were never invited (App Store Connect");
    line(
        IN_APP
            + "# emails them once a build is available to them). With onAdd: true, the default, the next apply");
    line(
        IN_APP
            + "# invites them, as it invites testers it adds to internal groups only; this file sends no email.");
    line(IN_APP + "invitations: { onAdd: false }");
  }

  private void groups(List<GroupSpec> groups) {
    if (groups.isEmpty()) {
      line(IN_APP + "groups: []");
      return;
    }
    line(IN_APP + "groups:");
    for (GroupSpec g : groups.stream().sorted(Comparator.comparing(GroupSpec::name)).toList()) {
      line(ITEM + "- name: " + YamlScalars.block(g.name()));
      if (g.internal()) {
        line(IN_ITEM + "internal: true");
      }
      flag("accessToAllBuilds", g.accessToAllBuilds());
      flag("feedback", g.feedback());
      flag("appleSiliconMac", g.appleSiliconMac());
      flag("appleVision", g.appleVision());
      publicLink(g.publicLink());
      if (g.builds() != null) {
        line(IN_ITEM + "builds: " + refs(g.builds()));
      }
    }
  }

  private void publicLink(PublicLinkSpec link) {
    if (link == null) {
      return;
    }
    String inline =
        "enabled: "
            + link.enabled()
            + (link.limit() == null ? "" : ", limit: " + link.limit().shown());
    if (link.criteria() == null) {
      line(IN_ITEM + "publicLink: { " + inline + " }");
      return;
    }
    line(IN_ITEM + "publicLink:");
    line(IN_ITEM + "  enabled: " + link.enabled());
    if (link.limit() != null) {
      line(IN_ITEM + "  limit: " + link.limit().shown());
    }
    if (link.criteria().isEmpty()) {
      line(IN_ITEM + "  criteria: []");
      return;
    }
    line(IN_ITEM + "  criteria:");
    for (CriterionSpec c :
        link.criteria().stream()
            .sorted(Comparator.comparing(CriterionSpec::deviceFamily))
            .toList()) {
      List<String> parts = new ArrayList<>();
      parts.add("deviceFamily: " + c.deviceFamily());
      if (c.minOs() != null) {
        parts.add("minOs: " + YamlScalars.flow(c.minOs()));
      }
      if (c.maxOs() != null) {
        parts.add("maxOs: " + YamlScalars.flow(c.maxOs()));
      }
      line(IN_ITEM + "    - { " + String.join(", ", parts) + " }");
    }
  }

  private void testers(PulledApp pulled) {
    List<TesterSpec> testers =
        pulled.spec().testers().stream().sorted(Comparator.comparing(TesterSpec::email)).toList();
    if (pulled.publicLinkTesters() > 0) {
      line(
          IN_APP
              + "# "
              + pulled.publicLinkTesters()
              + " tester(s) who joined through a public link are not listed: "
              + "flightplan never removes them.");
    }
    if (testers.isEmpty() && pulled.testersFile() == null) {
      line(IN_APP + "testers: []");
      return;
    }
    line(IN_APP + "testers:");
    if (pulled.testersFile() != null) {
      line(
          ITEM
              + "- file: "
              + YamlScalars.block(pulled.testersFile())
              + "   # "
              + pulled.csvTesters().size()
              + " tester(s)");
      if (!testers.isEmpty()) {
        line(
            ITEM
                + "# These have builds of their own (or groups with a ; in their name), which a CSV row cannot hold:");
      }
    }
    for (TesterSpec t : testers) {
      List<String> parts = new ArrayList<>();
      parts.add("email: " + YamlScalars.flow(t.email()));
      if (t.firstName() != null) {
        parts.add("firstName: " + YamlScalars.flow(t.firstName()));
      }
      if (t.lastName() != null) {
        parts.add("lastName: " + YamlScalars.flow(t.lastName()));
      }
      parts.add(
          "groups: ["
              + String.join(", ", t.groups().stream().sorted().map(YamlScalars::flow).toList())
              + "]");
      if (t.builds() != null) {
        parts.add("builds: " + refs(t.builds()));
      }
      line(ITEM + "- { " + String.join(", ", parts) + " }");
    }
  }

  private void builds(List<BuildSpec> builds) {
    if (builds.isEmpty()) {
      return;
    }
    line(IN_APP + "builds:");
    for (BuildSpec b :
        builds.stream()
            .sorted(Comparator.comparing(BuildSpec::ref, LiveToDesired.BUILD_ORDER))
            .toList()) {
      line(ITEM + "- version: " + YamlScalars.block(b.ref().version()));
      line(IN_ITEM + "number: " + YamlScalars.block(b.ref().number()));
      if (!"IOS".equals(b.ref().platform())) {
        line(IN_ITEM + "platform: " + b.ref().platform());
      }
      flag("autoNotify", b.autoNotify());
      flag("usesNonExemptEncryption", b.usesNonExemptEncryption());
      if (b.whatToTest() != null) {
        line(IN_ITEM + "whatToTest:");
        new TreeMap<>(b.whatToTest())
            .forEach((locale, text) -> text(IN_ITEM + "  ", YamlScalars.block(locale), text));
      }
      for (Kind kind : kinds) {
        kind.writeBuild(b, this);
      }
    }
  }

  private String refs(List<BuildRef> refs) {
    List<String> items = new ArrayList<>();
    for (BuildRef r : refs.stream().sorted(LiveToDesired.BUILD_ORDER).toList()) {
      items.add(
          "{ version: "
              + YamlScalars.flow(r.version())
              + ", number: "
              + YamlScalars.flow(r.number())
              + ("IOS".equals(r.platform()) ? "" : ", platform: " + r.platform())
              + " }");
    }
    return "[" + String.join(", ", items) + "]";
  }

  private void flag(String key, Boolean value) {
    if (value != null) {
      line(IN_ITEM + key + ": " + value);
    }
  }

  /**
   * A key and a text: plain or quoted on one line, or a literal block for text of several lines.
   */
  @Override
  public void text(String indent, String key, String value) {
    String literal = YamlScalars.literal(value, indent + "  ");
    line(indent + key + ": " + (literal != null ? literal : YamlScalars.block(value)));
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
  }

  @Override
  public String scalar(String s) {
    return YamlScalars.block(s);
  }

  @Override
  public void line(String s) {
    out.append(s).append('\n');
  }
}
