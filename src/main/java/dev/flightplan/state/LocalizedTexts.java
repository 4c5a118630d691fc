package dev.flightplan.state;

import dev.flightplan.api.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The localized texts of a resource (a build's What to Test, the titles of an App Store Connect
 * resource) by locale: the kept copy of each locale ({@link Copies}: the lowest id), and the other
 * copies of a locale held twice.
 */
public record LocalizedTexts(
    Map<String, LiveBuild.LiveText> kept, List<LiveBuild.LiveCopy> copies) {
  public LocalizedTexts {
    kept = Map.copyOf(kept);
    copies = List.copyOf(copies);
  }

  /** {@code resources} by locale, their text in {@code attribute}. */
  public static LocalizedTexts of(List<Resource> resources, String attribute) {
    Map<String, LiveBuild.LiveText> kept = new HashMap<>();
    List<LiveBuild.LiveCopy> copies = new ArrayList<>();
    Copies.byKey(resources, r -> r.string("locale"), Comparator.comparing(Resource::id))
        .forEach(
            (locale, all) -> {
              kept.put(
                  locale, new LiveBuild.LiveText(all.get(0).id(), all.get(0).string(attribute)));
              all.subList(1, all.size())
                  .forEach(
                      r -> copies.add(new LiveBuild.LiveCopy(locale, r.id(), r.string(attribute))));
            });
    return new LocalizedTexts(kept, copies);
  }
}
