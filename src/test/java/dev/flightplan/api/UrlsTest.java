package dev.flightplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTest {
  @Test
  void charactersUriRejectsAreEncodedAndEscapesKept() {
    assertThat(Urls.parse("https://h/v1/x?filter[name]=a b|c&q=%2C").toString())
        .isEqualTo("https://h/v1/x?filter%5Bname%5D=a%20b%7Cc&q=%2C");
    assertThat(Urls.parse("/v1/x?cursor=MQ").toString()).isEqualTo("/v1/x?cursor=MQ");
  }

  @Test
  void originComparesSchemeHostAndEffectivePort() {
    URI base = URI.create("https://api.appstoreconnect.apple.com");
    assertThat(
            Urls.sameOrigin(URI.create("https://API.appstoreconnect.apple.com:443/v1/apps"), base))
        .isTrue();
    assertThat(Urls.sameOrigin(URI.create("http://api.appstoreconnect.apple.com/v1/apps"), base))
        .isFalse();
    assertThat(Urls.sameOrigin(URI.create("https://api.appstoreconnect.apple.com:8443/v1"), base))
        .isFalse();
    assertThat(
            Urls.sameOrigin(URI.create("https://api.appstoreconnect.apple.com.evil.com/v1"), base))
        .isFalse();
    assertThat(Urls.sameOrigin(URI.create("/v1/apps"), base)).isFalse();
  }
}
