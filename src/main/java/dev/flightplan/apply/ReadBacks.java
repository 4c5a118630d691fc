package dev.flightplan.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.api.AscClient;
import dev.flightplan.api.Document;
import dev.flightplan.api.NotFoundException;
import dev.flightplan.api.Resource;
import dev.flightplan.plan.ReadBack;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Carries out a {@link ReadBack}: reads what App Store Connect holds and says whether a call took
 * effect.
 */
final class ReadBacks {
  private ReadBacks() {}

  /**
   * {@link ReadBack.Mode#FIND}: the first resource read from {@code path} that matches; empty when
   * none (or 404).
   */
  static Optional<Resource> find(AscClient client, ReadBack readBack, String path) {
    for (Document page : read(client, path)) {
      List<Resource> candidates = new ArrayList<>(page.data());
      candidates.addAll(page.included());
      for (Resource r : candidates) {
        if (r.type().equals(readBack.type()) && matches(r, readBack)) {
          return Optional.of(r);
        }
      }
    }
    return Optional.empty();
  }

  /** {@link ReadBack.Mode#MEMBERS}: the ids that {@code path} lists (404 reads as none). */
  static Set<String> members(AscClient client, String path) {
    Set<String> ids = new LinkedHashSet<>();
    for (Document page : read(client, path)) {
      page.data().forEach(r -> ids.add(r.id()));
    }
    return ids;
  }

  /** The ids a linkage body ({@code {"data": [{"type", "id"}, ...]}}) lists, in order. */
  static List<String> ids(JsonNode body) {
    List<String> ids = new ArrayList<>();
    if (body != null) {
      body.path("data").forEach(l -> ids.add(l.path("id").asText()));
    }
    return ids;
  }

  /** The same linkage body with only {@code keep} of its ids. */
  static JsonNode only(JsonNode body, Set<String> keep) {
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    ArrayNode data = copy.putArray("data");
    for (JsonNode l : body.path("data")) {
      if (keep.contains(l.path("id").asText())) {
        data.add(l.deepCopy());
      }
    }
    return copy;
  }

  private static List<Document> read(AscClient client, String path) {
    try {
      return client.getAll(path);
    } catch (NotFoundException e) {
      return List.of();
    }
  }

  /**
   * Whether {@code r} has every attribute of the read-back's {@code match} at one of its values.
   */
  static boolean matches(Resource r, ReadBack readBack) {
    for (Map.Entry<String, List<String>> m : readBack.match().entrySet()) {
      String value = r.string(m.getKey());
      if (value == null) {
        return false;
      }
      boolean any = false;
      for (String wanted : m.getValue()) {
        any |=
            readBack.ignoreCase()
                ? wanted.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))
                : wanted.equals(value);
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }
}
