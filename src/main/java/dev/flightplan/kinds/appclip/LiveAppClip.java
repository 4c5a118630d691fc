package dev.flightplan.kinds.appclip;

import dev.flightplan.state.Fingerprints;
import dev.flightplan.state.LiveBuild;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A build's App Clip as App Store Connect has it: the id of its App Clip bundle and its beta App
 * Clip invocations, null when they were not read (the file does not manage them for this build). A
 * build without an App Clip has none of this (its part is null).
 */
public record LiveAppClip(String bundleId, List<LiveInvocation> invocations) {
  public LiveAppClip {
    Objects.requireNonNull(bundleId, "bundleId");
    invocations = invocations == null ? null : List.copyOf(invocations);
  }

  /**
   * What a saved plan checks of a build's App Clip ({@code clip} null: the build has none), under
   * the field names earlier releases used, so that their saved plans still apply.
   */
  static Map<String, Object> fingerprint(LiveAppClip clip) {
    Map<String, Object> f = new TreeMap<>();
    f.put("appClipBundleId", clip == null ? null : clip.bundleId());
    f.put(
        "invocations",
        clip == null || clip.invocations() == null
            ? null
            : clip.invocations().stream().map(LiveInvocation::fingerprint).toList());
    return f;
  }

  /**
   * A beta App Clip invocation of the build's App Clip: its URL and its titles by locale (the kept
   * copy of a locale App Store Connect holds twice; the others in {@code titleCopies}).
   */
  public record LiveInvocation(
      String id, String url, Map<String, LiveTitle> titles, List<LiveBuild.LiveCopy> titleCopies) {
    public LiveInvocation {
      Objects.requireNonNull(id, "id");
      titles = Map.copyOf(titles);
      titleCopies = titleCopies == null ? List.of() : List.copyOf(titleCopies);
    }

    /** An invocation with each locale's title once. */
    public LiveInvocation(String id, String url, Map<String, LiveTitle> titles) {
      this(id, url, titles, List.of());
    }

    Map<String, Object> fingerprint() {
      Map<String, Object> f = new TreeMap<>();
      f.put("id", id);
      f.put("url", url);
      f.put("titles", Fingerprints.byLocale(titles, LiveTitle::fingerprint));
      f.put("titleCopies", titleCopies.stream().map(LiveBuild.LiveCopy::fingerprint).toList());
      return f;
    }
  }

  /** One localized title of an invocation, with the id of its localization resource. */
  public record LiveTitle(String id, String title) {
    Map<String, Object> fingerprint() {
      return Fingerprints.idAnd(id, "title", title);
    }
  }
}
