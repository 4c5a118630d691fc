package dev.flightplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the records about builds and public links from a valid tree. Versions, build numbers and
 * OS versions are the text the file wrote, even where YAML read a number ({@code version: 2.10} is
 * "2.10"); the platform defaults to IOS. An absent list is null (not managed), an empty one is
 * empty.
 */
final class BuildModel {
  private final PositionMap positions;

  BuildModel(PositionMap positions) {
    this.positions = positions;
  }

  /**
   * The {@code builds} of a group or a tester (the object {@code owner} at {@code ownerAt}); null
   * when the key is absent, and then no pointer is made (most testers have none).
   */
  List<BuildRef> refs(JsonNode owner, String ownerAt) {
    if (!owner.has("builds")) {
      return null;
    }
    JsonNode refs = owner.get("builds");
    String at = Pointer.child(ownerAt, "builds");
    List<BuildRef> result = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      result.add(ref(refs.get(i), Pointer.child(at, i)));
    }
    return result;
  }

  /** The app's {@code builds:}; null when absent (the app record reads that as none). */
  List<BuildSpec> specs(JsonNode specs, String at) {
    if (specs.isMissingNode()) {
      return null;
    }
    List<BuildSpec> result = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      String entryAt = Pointer.child(at, i);
      JsonNode spec = specs.get(i);
      result.add(
          new BuildSpec(
              ref(spec, entryAt),
              InfoModel.texts(spec.path("whatToTest")),
              ModelBuilder.optionalBoolean(spec, "autoNotify"),
              ModelBuilder.optionalBoolean(spec, "usesNonExemptEncryption"),
              spec.path("submitForReview").asBoolean(false),
              invocations(
                  spec.path("appClipInvocations"), Pointer.child(entryAt, "appClipInvocations")),
              positions.value(entryAt)));
    }
    return result;
  }

  private List<InvocationSpec> invocations(JsonNode invocations, String at) {
    if (invocations.isMissingNode()) {
      return null;
    }
    List<InvocationSpec> result = new ArrayList<>();
    for (int i = 0; i < invocations.size(); i++) {
      JsonNode invocation = invocations.get(i);
      result.add(
          new InvocationSpec(
              invocation.path("url").asText(),
              InfoModel.texts(invocation.path("title")),
              positions.value(Pointer.child(at, i))));
    }
    return result;
  }

  /**
   * A group's public link; null when absent. Its criteria are null when not written, empty for [].
   */
  PublicLinkSpec publicLink(JsonNode link, String at) {
    if (link.isMissingNode()) {
      return null;
    }
    List<CriterionSpec> criteria = null;
    JsonNode nodes = link.path("criteria");
    if (!nodes.isMissingNode()) {
      criteria = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        String criterionAt = Pointer.child(Pointer.child(at, "criteria"), i);
        JsonNode c = nodes.get(i);
        criteria.add(
            new CriterionSpec(
                c.path("deviceFamily").asText(),
                written(c, criterionAt, "minOs"),
                written(c, criterionAt, "maxOs"),
                positions.value(criterionAt)));
      }
    }
    JsonNode written = link.path("limit");
    LinkLimit limit =
        written.isMissingNode()
            ? null
            : written.isTextual() && written.asText().equals(LinkLimit.NONE_WORD)
                ? LinkLimit.NONE
                : LinkLimit.of(written.asInt());
    return new PublicLinkSpec(
        link.path("enabled").asBoolean(), limit, criteria, positions.value(at));
  }

  private BuildRef ref(JsonNode ref, String at) {
    return new BuildRef(
        ref.has("platform") ? ref.get("platform").asText() : "IOS",
        written(ref, at, "version"),
        written(ref, at, "number"),
        ref.path("latest").asBoolean(false),
        positions.value(at));
  }

  /** The scalar at {@code node/field} as the file wrote it; null when absent. */
  private String written(JsonNode node, String at, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    String text = positions.written(Pointer.child(at, field));
    return value.isNumber() && text != null ? text : value.asText();
  }
}
