package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the sandbox's records as JSON:API resource objects shaped like the OpenAPI schemas {@code
 * App}, {@code BetaGroup}, {@code BetaTester} and {@code User} (and holds the helpers {@link
 * BuildResources} and {@link InfoResources} use for the others): attributes (absent values left
 * out, as the schemas allow no nulls), relationships with {@code links} where the schema has them
 * and, only for included relationships, {@code data} (plus {@code meta.paging} for to-many ones),
 * and {@code links.self}. A non-null {@code fields} set is the request's sparse fieldset. An
 * included to-one relationship without a related resource has no {@code data}: the schemas allow no
 * null linkage.
 */
final class Resources {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  // Only the TestFlight relationships of an app are rendered; Apple lists some forty more.
  private static final List<Rel> APP_RELATIONSHIPS =
      Rel.linked(
          "betaGroups",
          "preReleaseVersions",
          "betaAppLocalizations",
          "builds",
          "betaLicenseAgreement",
          "betaAppReviewDetail",
          "appClips",
          "betaFeedbackScreenshotSubmissions",
          "betaFeedbackCrashSubmissions");
  private static final List<Rel> GROUP_RELATIONSHIPS =
      Rel.linked(
          "app",
          "builds",
          "betaTesters",
          "betaRecruitmentCriteria",
          "betaRecruitmentCriterionCompatibleBuildCheck");
  private static final List<Rel> TESTER_RELATIONSHIPS = Rel.linked("apps", "betaGroups", "builds");
  private static final List<Rel> USER_RELATIONSHIPS = Rel.linked("visibleApps");

  /**
   * One relationship a resource renders: its name and whether its schema has {@code links} (some,
   * like a build's {@code buildBundles}, have only {@code data} and {@code meta}, and are then
   * rendered only when included).
   */
  record Rel(String name, boolean links) {
    static List<Rel> linked(String... names) {
      return java.util.Arrays.stream(names).map(n -> new Rel(n, true)).toList();
    }
  }

  /**
   * The linkages of one included relationship: to-many ones carry paging, to-one ones a single id.
   */
  record Linkages(String type, Paging.Page<String> ids, boolean toOne) {
    static Linkages toMany(String type, List<String> all, int limit) {
      return new Linkages(type, Paging.head(all, limit), false);
    }

    /** A to-one linkage; a null id (no related resource) renders no {@code data}. */
    static Linkages toOne(String type, String id) {
      return new Linkages(type, Paging.head(id == null ? List.of() : List.of(id), 1), true);
    }
  }

  private final String base;

  Resources(String baseUri) {
    this.base = baseUri;
  }

  ObjectNode app(App app, Set<String> fields, Map<String, Linkages> included) {
    ObjectNode attributes = JSON.objectNode();
    put(attributes, fields, "name", app.name());
    put(attributes, fields, "bundleId", app.bundleId());
    put(attributes, fields, "sku", app.sku());
    put(attributes, fields, "primaryLocale", app.primaryLocale());
    ObjectNode relationships = JSON.objectNode();
    if (wanted(fields, "betaTesters")) {
      // The spec declares this relationship links-only, and Apple offers no GET for it: only
      // "self".
      relationships
          .putObject("betaTesters")
          .putObject("links")
          .put("self", base + "/v1/apps/" + app.id() + "/relationships/betaTesters");
    }
    relationships(relationships, "apps", app.id(), APP_RELATIONSHIPS, fields, included);
    return resource("apps", app.id(), attributes, relationships);
  }

  ObjectNode group(Group group, Set<String> fields, Map<String, Linkages> included) {
    ObjectNode a = JSON.objectNode();
    put(a, fields, "name", group.name());
    put(a, fields, "createdDate", group.createdDate());
    put(a, fields, "isInternalGroup", group.internal());
    put(a, fields, "hasAccessToAllBuilds", group.accessToAllBuilds());
    put(a, fields, "publicLinkEnabled", group.publicLinkEnabled());
    if (group.publicLinkEnabled()) {
      put(a, fields, "publicLinkId", group.publicLinkId());
      put(a, fields, "publicLink", group.publicLink());
    }
    put(a, fields, "publicLinkLimitEnabled", group.publicLinkLimitEnabled());
    put(a, fields, "publicLinkLimit", group.publicLinkLimit());
    put(a, fields, "feedbackEnabled", group.feedbackEnabled());
    put(a, fields, "iosBuildsAvailableForAppleSiliconMac", group.appleSiliconMac());
    put(a, fields, "iosBuildsAvailableForAppleVision", group.appleVision());
    ObjectNode relationships = JSON.objectNode();
    relationships(relationships, "betaGroups", group.id(), GROUP_RELATIONSHIPS, fields, included);
    return resource("betaGroups", group.id(), a, relationships);
  }

  ObjectNode tester(Tester tester, Set<String> fields, Map<String, Linkages> included) {
    ObjectNode a = JSON.objectNode();
    put(a, fields, "firstName", tester.firstName());
    put(a, fields, "lastName", tester.lastName());
    put(a, fields, "email", tester.email());
    put(a, fields, "inviteType", tester.inviteType());
    put(a, fields, "state", tester.state());
    if (wanted(fields, "appDevices")) {
      a.putArray("appDevices");
    }
    ObjectNode relationships = JSON.objectNode();
    relationships(
        relationships, "betaTesters", tester.id(), TESTER_RELATIONSHIPS, fields, included);
    return resource("betaTesters", tester.id(), a, relationships);
  }

  /** A team user, shaped like the schema {@code User}: its Apple ID is the {@code username}. */
  ObjectNode user(TeamUser user, Set<String> fields, Map<String, Linkages> included) {
    return new ResourceBuilder(this, "users", user.id(), fields)
        .put("username", user.email())
        .put("firstName", user.firstName())
        .put("lastName", user.lastName())
        .array("roles", roles -> user.roles().forEach(roles::add))
        .put("allAppsVisible", user.allAppsVisible())
        .put("provisioningAllowed", user.provisioningAllowed())
        .withRelationships(USER_RELATIONSHIPS, included);
  }

  static ObjectNode linkage(String type, String id) {
    return JSON.objectNode().put("type", type).put("id", id);
  }

  static ObjectNode paging(int total, int limit) {
    ObjectNode meta = JSON.objectNode();
    meta.putObject("paging").put("total", total).put("limit", limit);
    return meta;
  }

  String url(String type, String id) {
    return base + "/v1/" + type + "/" + id;
  }

  ObjectNode resource(String type, String id, ObjectNode attributes, ObjectNode relationships) {
    ObjectNode node = JSON.objectNode().put("type", type).put("id", id);
    if (!attributes.isEmpty()) {
      node.set("attributes", attributes);
    }
    if (!relationships.isEmpty()) {
      node.set("relationships", relationships);
    }
    node.putObject("links").put("self", url(type, id));
    return node;
  }

  /**
   * The relationships object of a resource: every wanted one, with links and, when included,
   * linkages.
   */
  ObjectNode relationships(
      String type, String id, List<Rel> rels, Set<String> fields, Map<String, Linkages> included) {
    ObjectNode target = JSON.objectNode();
    relationships(target, type, id, rels, fields, included);
    return target;
  }

  private void relationships(
      ObjectNode target,
      String type,
      String id,
      List<Rel> rels,
      Set<String> fields,
      Map<String, Linkages> included) {
    for (Rel rel : rels) {
      String name = rel.name();
      Linkages linkages = included.get(name);
      if (!wanted(fields, name) || (!rel.links() && linkages == null)) {
        continue;
      }
      ObjectNode relationship = target.putObject(name);
      if (rel.links()) {
        relationship
            .putObject("links")
            .put("self", url(type, id) + "/relationships/" + name)
            .put("related", url(type, id) + "/" + name);
      }
      if (linkages == null) {
        continue;
      }
      if (linkages.toOne()) {
        if (!linkages.ids().items().isEmpty()) {
          relationship.set("data", linkage(linkages.type(), linkages.ids().items().get(0)));
        }
      } else {
        ArrayNode data = relationship.putArray("data");
        linkages.ids().items().forEach(linked -> data.add(linkage(linkages.type(), linked)));
        relationship.set("meta", paging(linkages.ids().total(), linkages.ids().limit()));
      }
    }
  }

  static boolean wanted(Set<String> fields, String name) {
    return fields == null || fields.contains(name);
  }

  static void put(ObjectNode attributes, Set<String> fields, String name, Object value) {
    if (value == null || !wanted(fields, name)) {
      return;
    }
    if (value instanceof Boolean b) {
      attributes.put(name, b);
    } else if (value instanceof Integer i) {
      attributes.put(name, i);
    } else {
      attributes.put(name, value.toString());
    }
  }
}
