package dev.flightplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
  @TempDir Path dir;

  private static Map<String, String> env(String... kv) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      env.put(kv[i], kv[i + 1]);
    }
    return env;
  }

  private Path p8(String contents) throws Exception {
    Path file = dir.resolve("AuthKey_" + TestKeys.KEY_ID + ".p8");
    Files.writeString(file, contents);
    return file;
  }

  private static CredentialsException failure(
      Map<String, String> env, String keyId, String issuer, String path) {
    CredentialsException e =
        catchThrowableOfType(
            CredentialsException.class, () -> Credentials.resolve(env, keyId, issuer, path));
    assertThat(e).as("resolve should have failed").isNotNull();
    assertThat(e.getMessage())
        .doesNotContain(TestKeys.secret().substring(10, 50))
        .doesNotContain("MIG");
    return e;
  }

  @Test
  void resolvesFromEnvironmentText() throws Exception {
    Credentials c =
        Credentials.resolve(
            env(
                "ASC_KEY_ID",
                TestKeys.KEY_ID,
                "ASC_ISSUER_ID",
                TestKeys.ISSUER_ID,
                "ASC_PRIVATE_KEY",
                TestKeys.pem()),
            null,
            null,
            null);
    assertThat(c).isEqualTo(TestKeys.credentials());
  }

  @Test
  void resolvesFromAKeyFile() throws Exception {
    Path file = p8(TestKeys.pem());
    Credentials c =
        Credentials.resolve(
            env("ASC_KEY_ID", "K", "ASC_ISSUER_ID", "I", "ASC_PRIVATE_KEY_PATH", file.toString()),
            null,
            null,
            null);
    assertThat(c.privateKeyPem()).isEqualTo(TestKeys.pem());
  }

  @Test
  void flagsOverrideTheEnvironment() throws Exception {
    Path file = p8(TestKeys.pem());
    Credentials c =
        Credentials.resolve(
            env(
                "ASC_KEY_ID",
                "ENVKEY",
                "ASC_ISSUER_ID",
                "ENVISSUER",
                "ASC_PRIVATE_KEY",
                "not a key",
                "ASC_PRIVATE_KEY_PATH",
                "/nowhere.p8"),
            "FLAGKEY",
            "FLAGISSUER",
            file.toString());
    assertThat(c.keyId()).isEqualTo("FLAGKEY");
    assertThat(c.issuerId()).isEqualTo("FLAGISSUER");
    assertThat(c.privateKeyPem()).isEqualTo(TestKeys.pem());
  }

  @Test
  void everyMissingValueIsNamedAtOnce() {
    CredentialsException e = failure(env("ASC_KEY_ID", "  "), null, null, null);
    assertThat(e)
        .hasMessage(
            "missing App Store Connect credentials: set ASC_KEY_ID (or --key-id),"
                + " ASC_ISSUER_ID (or --issuer-id), ASC_PRIVATE_KEY or ASC_PRIVATE_KEY_PATH (or --private-key-path)");

    assertThat(failure(env("ASC_KEY_ID", "K", "ASC_PRIVATE_KEY", TestKeys.pem()), null, null, null))
        .hasMessage("missing App Store Connect credentials: set ASC_ISSUER_ID (or --issuer-id)");
  }

  @Test
  void bothKeySourcesAreAmbiguous() throws Exception {
    Path file = p8(TestKeys.pem());
    assertThat(
            failure(
                env(
                    "ASC_KEY_ID",
                    "K",
                    "ASC_ISSUER_ID",
                    "I",
                    "ASC_PRIVATE_KEY",
                    TestKeys.pem(),
                    "ASC_PRIVATE_KEY_PATH",
                    file.toString()),
                null,
                null,
                null))
        .hasMessage("both ASC_PRIVATE_KEY and ASC_PRIVATE_KEY_PATH are set; set only one");
  }

  @Test
  void aMissingOrUnusableFileIsNamed() throws Exception {
    Map<String, String> base = env("ASC_KEY_ID", "K", "ASC_ISSUER_ID", "I");
    Path missing = dir.resolve("nope.p8");
    assertThat(failure(base, null, null, missing.toString()))
        .hasMessage("the key file " + missing + " (from --private-key-path) does not exist");
    assertThat(failure(base, null, null, dir.toString())).hasMessageContaining("is a directory");

    Path garbage = p8("hello, I am not a key");
    assertThat(failure(base, null, null, garbage.toString()))
        .hasMessage(
            "the key file "
                + garbage
                + " (from --private-key-path) is not a PKCS#8 EC private key (.p8):"
                + " its contents are not an EC private key");
  }

  @Test
  void badKeysGetAReasonButNeverTheirContents() throws Exception {
    Map<String, String> base = env("ASC_KEY_ID", "K", "ASC_ISSUER_ID", "I");
    String rsa = TestKeys.pem(TestKeys.rsa());
    String p384 = TestKeys.pem(TestKeys.generate("secp384r1"));
    String sec1 = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBx\n-----END EC PRIVATE KEY-----";
    String truncated = TestKeys.pem().substring(0, 120);

    assertThat(failure(with(base, rsa), null, null, null))
        .hasMessage(
            "ASC_PRIVATE_KEY is not a PKCS#8 EC private key (.p8): its contents are not an EC private key");
    assertThat(failure(with(base, p384), null, null, null))
        .hasMessageEndingWith("another curve than P-256");
    assertThat(failure(with(base, sec1), null, null, null))
        .hasMessageContaining("openssl pkcs8 -topk8");
    assertThat(failure(with(base, truncated), null, null, null)).hasMessageContaining("incomplete");
    assertThat(
            failure(
                with(base, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"),
                null,
                null,
                null))
        .hasMessageEndingWith("it holds a \"CERTIFICATE\", not a \"PRIVATE KEY\"");
  }

  @Test
  void ciFriendlyFormsOfTheKeyAreAccepted() throws Exception {
    Map<String, String> base = env("ASC_KEY_ID", "K", "ASC_ISSUER_ID", "I");
    String oneLine = TestKeys.pem().replace("\n", "\\n");
    String base64OfPem =
        Base64.getEncoder().encodeToString(TestKeys.pem().getBytes(StandardCharsets.UTF_8));
    for (String form :
        new String[] {
          oneLine, base64OfPem, TestKeys.secret(), TestKeys.pem().replace("\n", "\r\n")
        }) {
      assertThat(Credentials.resolve(with(base, form), null, null, null).privateKeyPem())
          .isEqualTo(TestKeys.pem());
    }
  }

  @Test
  void aDerKeyFileIsAccepted() throws Exception {
    Path der = dir.resolve("key.der");
    Files.write(der, Base64.getDecoder().decode(TestKeys.secret()));
    assertThat(
            Credentials.resolve(
                    env("ASC_KEY_ID", "K", "ASC_ISSUER_ID", "I"), null, null, der.toString())
                .privateKeyPem())
        .isEqualTo(TestKeys.pem());
  }

  @Test
  void aTildePathIsUnderHome() throws Exception {
    p8(TestKeys.pem());
    Credentials c =
        Credentials.resolve(
            env(
                "ASC_KEY_ID",
                "K",
                "ASC_ISSUER_ID",
                "I",
                "HOME",
                dir.toString(),
                "ASC_PRIVATE_KEY_PATH",
                "~/AuthKey_" + TestKeys.KEY_ID + ".p8"),
            null,
            null,
            null);
    assertThat(c.privateKeyPem()).isEqualTo(TestKeys.pem());
  }

  @Test
  void toStringHidesTheKey() {
    Credentials c = TestKeys.credentials();
    assertThat(c.toString())
        .isEqualTo(
            "Credentials[keyId="
                + TestKeys.KEY_ID
                + ", issuerId="
                + TestKeys.ISSUER_ID
                + ", privateKeyPem=<redacted>]")
        .doesNotContain("PRIVATE KEY");
  }

  @Test
  void aClientRefusesABadKeyWithoutQuotingIt() {
    Credentials bad = new Credentials("K", "I", TestKeys.pem(TestKeys.rsa()));
    IllegalArgumentException e =
        catchThrowableOfType(
            IllegalArgumentException.class,
            () -> AscClient.create(bad, ClientOptions.defaults(ClientOptions.APPLE)));
    assertThat(e)
        .hasMessage(
            "the private key is not a PKCS#8 EC private key (.p8): its contents are not an EC private key");
    assertThat(e.getCause()).isNull();
  }

  private static Map<String, String> with(Map<String, String> base, String key) {
    Map<String, String> env = new HashMap<>(base);
    env.put("ASC_PRIVATE_KEY", key);
    return env;
  }
}
