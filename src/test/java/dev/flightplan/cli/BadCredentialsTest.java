package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.sandbox.SandboxCredentials;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad credentials get a clear message, never the key: a malformed .p8 is refused before any
 * request; a key id that App Store Connect (the sandbox) does not know answers 401, and the message
 * says the key id, issuer and key do not match; a key file other users can read is used with a
 * warning; plain http is refused unless loopback.
 */
@IntegrationTest
class BadCredentialsTest extends SandboxTest {
  @TempDir Path tmp;

  private Path example() throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.copy(
        Path.of("examples/testflight.yaml"),
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        Path.of("examples/demo-password.txt"),
        tmp.resolve("demo-password.txt"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  private CliRunner withKeyFile(Path key) {
    SandboxCredentials c = sandbox.credentials();
    return CliRunner.plain()
        .env("ASC_KEY_ID", c.keyId())
        .env("ASC_ISSUER_ID", c.issuerId())
        .env("ASC_PRIVATE_KEY_PATH", key.toString());
  }

  @Test
  void aMalformedKeyFileIsRefusedBeforeAnyRequest() throws IOException {
    Path key = tmp.resolve("AuthKey_BROKEN.p8");
    Files.writeString(
        key, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    CliRunner.Result r = withKeyFile(key).run(sandbox, "plan", "-f", example().toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err())
        .contains(
            "error: the key file "
                + key
                + " (from ASC_PRIVATE_KEY_PATH) is not a PKCS#8 EC private key (.p8)")
        .doesNotContain("bm90IGEga2V5");
    assertThat(sandbox.totalRequests()).isZero();
  }

  @Test
  void aKeyIdAppStoreConnectDoesNotKnowIsExplained() throws IOException {
    CliRunner.Result r =
        cli().env("ASC_KEY_ID", "WRONGKEY42").run(sandbox, "plan", "-f", example().toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err())
        .contains("401 NOT_AUTHORIZED")
        .contains(
            "App Store Connect does not accept these credentials. Check that the key id (ASC_KEY_ID or --key-id),"
                + " the issuer id (ASC_ISSUER_ID or --issuer-id) and the private key belong to the same API key")
        .doesNotContain(
            sandbox.credentials().privateKeyPem().lines().skip(1).findFirst().orElseThrow());
    // the token was minted again once, then the client gave up
    assertThat(sandbox.totalRequests()).isEqualTo(2);
  }

  @Test
  void aKeyFileOthersCanReadWorksWithAWarning() throws IOException {
    Path key = tmp.resolve("AuthKey.p8");
    Files.writeString(key, sandbox.credentials().privateKeyPem());
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    CliRunner.Result open = withKeyFile(key).run(sandbox, "plan", "-f", example().toString());
    assertThat(open.exit()).as(open.all()).isZero();
    assertThat(open.err())
        .contains(
            "warning: the key file "
                + key
                + " (from ASC_PRIVATE_KEY_PATH) can be read by other"
                + " users of this machine (mode rw-r--r--); restrict it with chmod 600 AuthKey.p8");

    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    CliRunner.Result closed = withKeyFile(key).run(sandbox, "plan", "-f", example().toString());
    assertThat(closed.exit()).isZero();
    assertThat(closed.err()).doesNotContain("warning");
  }

  @Test
  void plainHttpIsRefusedUnlessLoopback() throws IOException {
    String file = example().toString();
    for (String url :
        new String[] {"http://api.example.com", "http://10.0.0.7:8787", "ftp://127.0.0.1"}) {
      CliRunner.Result r = cli().run("plan", "-f", file, "--api-url", url);
      assertThat(r.exit()).as(url).isEqualTo(ExitCodes.ERROR);
      assertThat(r.err())
          .as(url)
          .contains("--api-url must use https (plain http is accepted only for a loopback address");
    }
    // the sandbox listens on 127.0.0.1 over plain http, and is accepted
    assertThat(cli().run(sandbox, "plan", "-f", file).exit()).isZero();
    assertThat(sandbox.totalRequests()).isPositive();
  }
}
