package dev.flightplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JsonApi#createText} writes exactly what {@link JsonApi#create} gives as text, without the
 * tree.
 */
class JsonApiTextTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain",
        "Zoë Ñúñez",
        "quote \" and backslash \\ and slash /",
        "tab\tnew\nline\rcr\bbell\f",
        "\u0001\u001f\u007f",
        "emoji 🚀 and \u2028",
        "{r12}",
        ""
      })
  void sameTextAsTheTree(String text) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("firstName", text);
    attrs.put("lastName", null);
    attrs.put("email", "x@example.com");
    attrs.put("isInternalGroup", false);
    attrs.put("publicLinkLimit", 250);
    attrs.put("big", 12_345_678_901L);
    attrs.put("list", List.of(text, 1, true));
    Map<String, Object> rels = new LinkedHashMap<>();
    rels.put("app", new Linkage("apps", text));
    rels.put("none", null);
    rels.put(
        "betaGroups", List.of(new Linkage("betaGroups", "{r1}"), new Linkage("betaGroups", text)));
    assertThat(JsonApi.createText("betaTesters", attrs, rels))
        .isEqualTo(JsonApi.create("betaTesters", attrs, rels).toString());
  }

  @Test
  void emptyMembersAreLeftOutAndUnorderedMapsSorted() {
    Map<String, Object> onlyNull = new LinkedHashMap<>();
    onlyNull.put("a", null);
    assertThat(JsonApi.createText("x", onlyNull, Map.of()))
        .isEqualTo(JsonApi.create("x", onlyNull, Map.of()).toString())
        .isEqualTo("{\"data\":{\"type\":\"x\"}}");
    Map<String, Object> unordered =
        new java.util.HashMap<>(Map.of("zeta", "z", "alpha", "a", "mid", "m"));
    assertThat(JsonApi.createText("x", unordered, null))
        .isEqualTo(JsonApi.create("x", unordered, null).toString());
    Map<String, Object> sorted = new TreeMap<>(Map.of("b", new Linkage("t", "1"), "a", List.of()));
    assertThat(JsonApi.createText("x", null, sorted))
        .isEqualTo(JsonApi.create("x", null, sorted).toString());
  }

  @Test
  void relationshipsMustBeLinkages() {
    assertThatThrownBy(() -> JsonApi.createText("x", null, Map.of("r", "id")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonApi.createText("x", null, Map.of("r", List.of("id"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theReusedBufferCarriesNothingFromTheTextBefore() {
    // a failed text, a large one (its buffer is then dropped) and short ones, in a row on one
    // thread
    assertThatThrownBy(
            () -> JsonApi.createText("x", Map.of("a", "half written"), Map.of("r", "id")))
        .isInstanceOf(IllegalArgumentException.class);
    for (String text : List.of("é".repeat(20_000), "short", "Zoë", "", "x".repeat(300))) {
      Map<String, Object> attrs = Map.of("firstName", text);
      Map<String, Object> rels = Map.of("betaGroups", List.of(new Linkage("betaGroups", "{r1}")));
      assertThat(JsonApi.createText("betaTesters", attrs, rels))
          .isEqualTo(JsonApi.create("betaTesters", attrs, rels).toString());
    }
  }
}
