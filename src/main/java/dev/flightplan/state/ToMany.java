package dev.flightplan.state;

import dev.flightplan.api.AscClient;
import dev.flightplan.api.Document;
import dev.flightplan.api.Linkage;
import dev.flightplan.api.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A to-many relationship read through {@code include}, which App Store Connect caps ({@code
 * limit[...]} is at most 50): taken from the including page when its linkages are all there ({@code
 * meta.paging.total} says so), otherwise read in full from {@code rest}, a paged query of the
 * relationship's own endpoint (built only then: the owners are read by the hundred). Never silently
 * truncated, and no request unless the include was capped.
 */
final class ToMany {
  /**
   * The most linkages App Store Connect includes of one to-many relationship ({@code limit[...]}).
   */
  static final int INCLUDED = 50;

  private ToMany() {}

  /**
   * The ids of {@code owner}'s {@code relationship}; {@code rest} answers with the related
   * resources or linkages.
   */
  static Set<String> ids(
      AscClient client, Resource owner, String relationship, Supplier<String> rest) {
    List<Linkage> linkages = owner.toMany(relationship);
    Set<String> ids = new HashSet<>();
    if (complete(owner, relationship, linkages)) {
      linkages.forEach(l -> ids.add(l.id()));
    } else {
      client.getAll(rest.get()).forEach(p -> p.data().forEach(r -> ids.add(r.id())));
    }
    return ids;
  }

  /**
   * The resources of {@code owner}'s {@code relationship}, found in {@code page}'s included or read
   * from {@code rest}.
   */
  static List<Resource> resources(
      AscClient client, Resource owner, String relationship, Document page, Supplier<String> rest) {
    List<Linkage> linkages = owner.toMany(relationship);
    List<Resource> resources = new ArrayList<>();
    if (complete(owner, relationship, linkages)) {
      linkages.forEach(l -> page.findIncluded(l).ifPresent(resources::add));
    } else {
      client.getAll(rest.get()).forEach(p -> resources.addAll(p.data()));
    }
    return resources;
  }

  private static boolean complete(Resource owner, String relationship, List<Linkage> linkages) {
    return owner.relationshipTotal(relationship).orElse(linkages.size()) <= linkages.size();
  }
}
