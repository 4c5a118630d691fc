package dev.flightplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonApiTest {
  @Test
  void createKeepsInsertionOrderAndLeavesOutNulls() {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("name", "Public Beta");
    attrs.put("publicLinkEnabled", true);
    attrs.put("publicLinkLimit", 500);
    attrs.put("feedbackEnabled", null);
    Map<String, Object> rels = new LinkedHashMap<>();
    rels.put("app", new Linkage("apps", "a1"));
    rels.put(
        "betaTesters", List.of(new Linkage("betaTesters", "t1"), new Linkage("betaTesters", "t2")));
    rels.put("builds", null);

    assertThat(JsonApi.create("betaGroups", attrs, rels).toString())
        .isEqualTo(
            "{\"data\":{\"type\":\"betaGroups\",\"attributes\":{\"name\":\"Public Beta\",\"publicLinkEnabled\":true,"
                + "\"publicLinkLimit\":500},\"relationships\":{\"app\":{\"data\":{\"type\":\"apps\",\"id\":\"a1\"}},"
                + "\"betaTesters\":{\"data\":[{\"type\":\"betaTesters\",\"id\":\"t1\"},"
                + "{\"type\":\"betaTesters\",\"id\":\"t2\"}]}}}}");
  }

  @Test
  void unorderedMapsAreSortedSoBodiesAreDeterministic() {
    assertThat(
            JsonApi.create("x", Map.of("b", 1, "a", 2, "c", List.of("p", "q")), Map.of())
                .toString())
        .isEqualTo(
            "{\"data\":{\"type\":\"x\",\"attributes\":{\"a\":2,\"b\":1,\"c\":[\"p\",\"q\"]}}}");
  }

  @Test
  void aCreateWithoutAttributesHasNoAttributesMember() {
    assertThat(
            JsonApi.create(
                    "betaTesterInvitations",
                    null,
                    Map.of(
                        "app",
                        new Linkage("apps", "a1"),
                        "betaTester",
                        new Linkage("betaTesters", "t1")))
                .toString())
        .isEqualTo(
            "{\"data\":{\"type\":\"betaTesterInvitations\",\"relationships\":{"
                + "\"app\":{\"data\":{\"type\":\"apps\",\"id\":\"a1\"}},"
                + "\"betaTester\":{\"data\":{\"type\":\"betaTesters\",\"id\":\"t1\"}}}}}");
  }

  @Test
  void aBadRelationshipValueIsABug() {
    assertThatThrownBy(() -> JsonApi.create("x", Map.of(), Map.of("app", "a1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("app");
    assertThatThrownBy(() -> JsonApi.create("x", Map.of(), Map.of("builds", List.of("b1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("builds");
  }

  @Test
  void updateSendsNullsToClearAttributes() {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("marketingUrl", null);
    attrs.put("description", "Weather beta");
    assertThat(JsonApi.update("betaAppLocalizations", "l1", attrs).toString())
        .isEqualTo(
            "{\"data\":{\"type\":\"betaAppLocalizations\",\"id\":\"l1\","
                + "\"attributes\":{\"marketingUrl\":null,\"description\":\"Weather beta\"}}}");
  }

  @Test
  void linkageBodies() {
    assertThat(JsonApi.linkages("betaTesters", List.of("t2", "t1")).toString())
        .isEqualTo(
            "{\"data\":[{\"type\":\"betaTesters\",\"id\":\"t2\"},{\"type\":\"betaTesters\",\"id\":\"t1\"}]}");
    assertThat(JsonApi.linkages("builds", List.of()).toString()).isEqualTo("{\"data\":[]}");
    assertThat(JsonApi.toOne("appEncryptionDeclarations", "d1").toString())
        .isEqualTo("{\"data\":{\"type\":\"appEncryptionDeclarations\",\"id\":\"d1\"}}");
    assertThat(JsonApi.toOne("appEncryptionDeclarations", null).toString())
        .isEqualTo("{\"data\":null}");
  }
}
