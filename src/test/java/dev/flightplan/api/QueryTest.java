package dev.flightplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTest {
  @Test
  void encodesBracketsInNamesAndJoinsACollectionWithLiteralCommas() {
    assertThat(
            Query.of("/v1/apps")
                .param("filter[bundleId]", List.of("com.a", "com.b"))
                .param("limit", 200)
                .build())
        .isEqualTo("/v1/apps?filter%5BbundleId%5D=com.a,com.b&limit=200");
  }

  @Test
  void collectionsAreJoinedWithCommasAndEachElementEncoded() {
    assertThat(
            Query.of("/v1/betaTesters")
                .param("filter[email]", List.of("a+b@x.com", "c d@x.com"))
                .build())
        .isEqualTo("/v1/betaTesters?filter%5Bemail%5D=a%2Bb%40x.com,c%20d%40x.com");
  }

  @Test
  void aCommaInsideOneValueIsEncoded() {
    // App Store Connect splits on literal commas: "QA, nightly" would be read as two names
    assertThat(Query.of("/v1/betaGroups").param("filter[name]", "QA, nightly").build())
        .isEqualTo("/v1/betaGroups?filter%5Bname%5D=QA%2C%20nightly");
    assertThat(Query.encode(",")).isEqualTo("%2C");
    assertThat(Query.encode("a,b")).isEqualTo("a%2Cb");
  }

  @Test
  void onlyTheSeparatorsOfACollectionStayLiteralCommas() {
    assertThat(
            Query.of("/v1/betaGroups")
                .param("filter[name]", List.of("QA, nightly", "Beta", ",", "a,b,c"))
                .build())
        .isEqualTo("/v1/betaGroups?filter%5Bname%5D=QA%2C%20nightly,Beta,%2C,a%2Cb%2Cc");
  }

  @Test
  void everythingButUnreservedCharactersIsEncoded() {
    assertThat(
            Query.of("/v1/x").param("fields[betaGroups]", "name").param("q", "é&=?/#%~-._").build())
        .isEqualTo("/v1/x?fields%5BbetaGroups%5D=name&q=%C3%A9%26%3D%3F%2F%23%25~-._");
  }

  @Test
  void nullValuesAreLeftOutAndOrderIsKept() {
    assertThat(Query.of("/v1/x").param("b", 1).param("a", null).param("a", true).build())
        .isEqualTo("/v1/x?b=1&a=true");
    assertThat(Query.of("/v1/x").build()).isEqualTo("/v1/x");
    assertThat(Query.of("/v1/x?limit=5").param("sort", "-name").build())
        .isEqualTo("/v1/x?limit=5&sort=-name");
  }

  @Test
  void aValueEncodedFromItsFirstReservedCharacterOnKeepsWhatCameBefore() {
    assertThat(Query.encode("abc")).isSameAs("abc").isEqualTo("abc");
    assertThat(Query.encode("abéc d")).isEqualTo("ab%C3%A9c%20d");
    assertThat(Query.encode("x@y")).isEqualTo("x%40y");
    assertThat(Query.encode("")).isEqualTo("");
  }
}
