package dev.flightplan.kinds.appclip;

import dev.flightplan.api.Document;
import dev.flightplan.api.Linkage;
import dev.flightplan.api.Query;
import dev.flightplan.api.Resource;
import dev.flightplan.state.BuildPart;
import dev.flightplan.state.LocalizedTexts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a build's App Clip is read: its bundle comes with the builds request (the build's {@code
 * buildBundles} included, the one of type {@code APP_CLIP}); its invocations, with their titles
 * included, take one request per build whose entry in the file lists them.
 */
final class AppClipRead {
  static final String BUNDLES = "buildBundles";
  static final int PAGE = 200;

  /** The most titles App Store Connect includes of one invocation. */
  private static final int INCLUDED = 50;

  private AppClipRead() {}

  /** The build's App Clip among its bundles, its invocations not read; null when it has none. */
  static LiveAppClip decode(List<Resource> bundles) {
    String clip = null;
    for (Resource bundle : bundles) {
      if ("APP_CLIP".equals(bundle.string("bundleType"))) {
        clip = bundle.id();
      }
    }
    return clip == null ? null : new LiveAppClip(clip, null);
  }

  /** How a build's App Clip invocations, with their titles, are read. */
  static final BuildPart.Completion<LiveAppClip> INVOCATIONS =
      new BuildPart.Completion<>() {
        @Override
        public String query(LiveAppClip clip) {
          return Query.of("/v1/buildBundles/" + clip.bundleId() + "/" + AppClipKind.TYPE)
              .param("include", AppClipKind.LOCALIZATION)
              .param("limit[" + AppClipKind.LOCALIZATION + "]", INCLUDED)
              .param("limit", PAGE)
              .build();
        }

        @Override
        public LiveAppClip complete(LiveAppClip clip, List<Document> pages) {
          return invocations(clip, pages);
        }
      };

  /**
   * {@code clip} with its invocations and their titles, from the pages of {@link #INVOCATIONS}'
   * request.
   */
  private static LiveAppClip invocations(LiveAppClip clip, List<Document> pages) {
    List<LiveAppClip.LiveInvocation> result = new ArrayList<>();
    for (Document page : pages) {
      for (Resource inv : page.data()) {
        List<Resource> localizations = new ArrayList<>();
        for (Linkage l : inv.toMany(AppClipKind.LOCALIZATION)) {
          page.findIncluded(l).ifPresent(localizations::add);
        }
        LocalizedTexts texts = LocalizedTexts.of(localizations, "title");
        Map<String, LiveAppClip.LiveTitle> titles = new HashMap<>();
        texts
            .kept()
            .forEach(
                (locale, t) -> titles.put(locale, new LiveAppClip.LiveTitle(t.id(), t.text())));
        result.add(
            new LiveAppClip.LiveInvocation(inv.id(), inv.string("url"), titles, texts.copies()));
      }
    }
    return new LiveAppClip(clip.bundleId(), result);
  }
}
