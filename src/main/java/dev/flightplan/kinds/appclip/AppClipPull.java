package dev.flightplan.kinds.appclip;

import dev.flightplan.config.BuildSpec;
import dev.flightplan.config.InvocationSpec;
import dev.flightplan.config.SchemaPatterns;
import dev.flightplan.kinds.Pulling;
import dev.flightplan.kinds.YamlOut;
import dev.flightplan.state.Copies;
import dev.flightplan.state.LiveBuild;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A build's App Clip invocations in a pulled file, by URL with their titles by locale (the kept
 * copy of a URL or locale held twice); none when the build has no App Clip, and all left as they
 * are (with a note) when one of them cannot be written.
 */
final class AppClipPull {
  private AppClipPull() {}

  static BuildSpec pull(LiveBuild b, BuildSpec into, Pulling pulling) {
    return into.withAppClipInvocations(invocations(b, pulling));
  }

  /**
   * The build's App Clip invocations by URL; null when it has no App Clip or one of them cannot be
   * written.
   */
  private static List<InvocationSpec> invocations(LiveBuild b, Pulling pulling) {
    LiveAppClip clip = b.part(AppClipKind.LIVE);
    if (clip == null || clip.invocations() == null) {
      return null;
    }
    List<InvocationSpec> result = new ArrayList<>();
    for (LiveAppClip.LiveInvocation inv :
        Copies.kept(
            clip.invocations(),
            LiveAppClip.LiveInvocation::url,
            Comparator.comparing(LiveAppClip.LiveInvocation::id))) {
      Map<String, String> titles = new TreeMap<>();
      inv.titles()
          .forEach(
              (locale, t) -> {
                if (t.title() != null) {
                  titles.put(locale, t.title());
                }
              });
      boolean localesOk =
          titles.keySet().stream().allMatch(l -> SchemaPatterns.accepts("/$defs/locale", l));
      if (titles.isEmpty()
          || !localesOk
          || !SchemaPatterns.accepts("/$defs/invocation/properties/url", inv.url())) {
        pulling.leftOut(
            "build "
                + b.label()
                + ": its App Clip invocations ("
                + inv.url()
                + " has no title or a URL this file cannot hold)");
        return null;
      }
      result.add(new InvocationSpec(inv.url(), titles, null));
    }
    return result;
  }

  static void write(List<InvocationSpec> invocations, YamlOut out) {
    if (invocations == null) {
      return;
    }
    String in = YamlOut.IN_ITEM;
    if (invocations.isEmpty()) {
      out.line(in + "appClipInvocations: []");
      return;
    }
    out.line(in + "appClipInvocations:");
    for (InvocationSpec i :
        invocations.stream().sorted(Comparator.comparing(InvocationSpec::url)).toList()) {
      out.line(in + "  - url: " + out.scalar(i.url()));
      out.line(in + "    title:");
      for (Map.Entry<String, String> t : new TreeMap<>(i.titles()).entrySet()) {
        out.text(in + "      ", out.scalar(t.getKey()), t.getValue());
      }
    }
  }
}
