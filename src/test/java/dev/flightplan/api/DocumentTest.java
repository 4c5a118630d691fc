package dev.flightplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DocumentTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Document doc(String json) throws Exception {
    return new Document(MAPPER.readTree(json));
  }

  private static final String GROUPS =
      """
      {"data":[
        {"type":"betaGroups","id":"g1","attributes":{"name":"QA","isInternalGroup":true,"publicLinkLimit":500,
          "publicLink":null,"createdDate":"2025-01-01T00:00:00Z","futureField":{"x":1}},
         "relationships":{"app":{"data":{"type":"apps","id":"a1"}},
           "betaTesters":{"data":[{"type":"betaTesters","id":"t1"},{"type":"betaTesters","id":"t2"}],
             "meta":{"paging":{"total":7,"limit":50}},"links":{"self":"s","related":"r"}},
           "builds":{"links":{"related":"r"}}},
         "links":{"self":"x"}},
        {"type":"betaGroups","id":"g2"}],
       "included":[{"type":"betaTesters","id":"t1","attributes":{"email":"ann@example.com"}}],
       "links":{"self":"s","next":"https://api.appstoreconnect.apple.com/v1/betaGroups?cursor=Mg"},
       "meta":{"paging":{"total":12,"limit":2}},
       "jsonapi":{"version":"1.0"}}""";

  @Test
  void readsACollectionDocument() throws Exception {
    Document d = doc(GROUPS);
    assertThat(d.data()).extracting(Resource::id).containsExactly("g1", "g2");
    assertThat(d.included())
        .extracting(Resource::linkage)
        .containsExactly(new Linkage("betaTesters", "t1"));
    assertThat(d.findIncluded(new Linkage("betaTesters", "t1")).map(r -> r.string("email")))
        .contains("ann@example.com");
    assertThat(d.findIncluded(new Linkage("betaTesters", "t2"))).isEmpty();
    assertThat(d.nextLink())
        .contains("https://api.appstoreconnect.apple.com/v1/betaGroups?cursor=Mg");
    assertThat(d.total()).isEqualTo(OptionalInt.of(12));
    assertThatThrownBy(d::single).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void readsAttributesLeniently() throws Exception {
    Resource g1 = doc(GROUPS).data().get(0);
    assertThat(g1.string("name")).isEqualTo("QA");
    assertThat(g1.string("publicLink")).isNull();
    assertThat(g1.string("missing")).isNull();
    assertThat(g1.string("publicLinkLimit")).isEqualTo("500");
    assertThat(g1.bool("isInternalGroup")).isTrue();
    assertThat(g1.bool("name")).isNull();
    assertThat(g1.integer("publicLinkLimit")).isEqualTo(500);
    assertThat(g1.integer("name")).isNull();
    assertThat(g1.attribute("futureField").path("x").asInt()).isEqualTo(1);
  }

  @Test
  void readsRelationships() throws Exception {
    Resource g1 = doc(GROUPS).data().get(0);
    assertThat(g1.toOne("app")).contains(new Linkage("apps", "a1"));
    assertThat(g1.toMany("betaTesters"))
        .containsExactly(new Linkage("betaTesters", "t1"), new Linkage("betaTesters", "t2"));
    assertThat(g1.relationshipTotal("betaTesters")).isEqualTo(OptionalInt.of(7));
    assertThat(g1.toMany("builds")).isEmpty();
    assertThat(g1.toOne("builds")).isEmpty();
    assertThat(g1.toMany("nothing")).isEmpty();
    assertThat(g1.relationshipTotal("builds")).isEmpty();
  }

  @Test
  void aResourceWithoutAttributesOrRelationshipsIsEmptyNotNull() throws Exception {
    Resource g2 = doc(GROUPS).data().get(1);
    assertThat(g2.attributes()).isEmpty();
    assertThat(g2.relationships()).isEmpty();
    assertThat(g2.string("name")).isNull();
    assertThat(g2.toOne("app")).isEmpty();
  }

  @Test
  void readsSingleAndEmptyDocuments() throws Exception {
    Document one =
        doc("{\"data\":{\"type\":\"apps\",\"id\":\"a1\",\"attributes\":{\"bundleId\":\"com.x\"}}}");
    assertThat(one.single().map(r -> r.string("bundleId"))).contains("com.x");
    assertThat(one.data()).hasSize(1);
    assertThat(one.nextLink()).isEmpty();
    assertThat(one.total()).isEmpty();

    assertThat(doc("{\"data\":[{\"type\":\"apps\",\"id\":\"a1\"}]}").single()).isPresent();
    assertThat(doc("{\"data\":[]}").single()).isEmpty();
    assertThat(doc("{\"data\":null}").single()).isEmpty();
    assertThat(doc("{}").data()).isEmpty();
    assertThat(doc("{}").included()).isEmpty();
    assertThat(doc("{\"links\":{\"next\":null}}").nextLink()).isEmpty();
  }
}
