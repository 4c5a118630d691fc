package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@IntegrationTest
class PersistenceTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));

  @TempDir Path dir;

  private SandboxOptions options(Path stateFile) {
    return SandboxOptions.defaults().withStateFile(stateFile).withClock(clock);
  }

  @Test
  void survivesARestartWithTheSameStateAndKey() throws IOException {
    Path stateFile = dir.resolve("nested").resolve("sandbox.json");
    SandboxCredentials first;
    String group;
    String token;
    try (SandboxServer server = SandboxServer.start(options(stateFile))) {
      first = server.credentials();
      SandboxTestClient client = new SandboxTestClient(server, clock);
      token = client.bearer();
      SandboxTestClient.Reply created =
          client.post("/v1/betaGroups", Docs.group(Docs.WEATHER, "Persisted", ""));
      group = created.json().path("data").path("id").asText();
      client.post("/v1/betaTesters", Docs.tester("kept@example.com", group));
    }
    assertThat(stateFile).exists();
    // no temporary file is left behind by the atomic writes
    try (var files = Files.list(dir.resolve("nested"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "sandbox.json", "sandbox-credentials.json", "AuthKey_" + first.keyId() + ".p8");
    }

    try (SandboxServer server = SandboxServer.start(options(stateFile))) {
      SandboxCredentials second = server.credentials();
      assertThat(second.keyId()).isEqualTo(first.keyId());
      assertThat(second.issuerId()).isEqualTo(first.issuerId());
      assertThat(second.privateKeyPem()).isEqualTo(first.privateKeyPem());
      SandboxTestClient client = new SandboxTestClient(server, clock);
      // a token minted before the restart still works: same key
      assertThat(client.send("GET", "/v1/betaGroups/" + group, null, token).status())
          .isEqualTo(200);
      assertThat(
              client
                  .get("/v1/betaGroups/" + group + "/betaTesters")
                  .json()
                  .findValuesAsText("email"))
          .containsExactly("kept@example.com");
    }
  }

  @Test
  void writesTheKeyFilesLikeApples() throws IOException {
    Path stateFile = dir.resolve("sandbox.json");
    try (SandboxServer server = SandboxServer.start(options(stateFile))) {
      SandboxCredentials credentials = server.credentials();
      assertThat(credentials.credentialsFile())
          .isEqualTo(dir.resolve("sandbox-credentials.json").toAbsolutePath());
      assertThat(credentials.privateKeyFile())
          .isEqualTo(dir.resolve("AuthKey_" + credentials.keyId() + ".p8").toAbsolutePath());
      assertThat(Files.readString(credentials.privateKeyFile()))
          .isEqualTo(credentials.privateKeyPem());
      assertThat(credentials.privateKeyPem())
          .startsWith(
              "-----BEGIN PRIVATE KEY-----\nMIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg")
          .endsWith("-----END PRIVATE KEY-----\n");
      TestTokens.privateKey(credentials.privateKeyPem()); // readable by any PKCS#8 reader
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        assertThat(
                PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(credentials.privateKeyFile())))
            .isEqualTo("rw-------");
      }
      JsonNode json = new ObjectMapper().readTree(credentials.credentialsFile().toFile());
      assertThat(json.path("keyId").asText()).isEqualTo(credentials.keyId());
      assertThat(json.path("issuerId").asText()).isEqualTo(credentials.issuerId());
      assertThat(json.path("privateKeyPath").asText())
          .isEqualTo(credentials.privateKeyFile().toString());
      assertThat(Files.readString(stateFile)).doesNotContain("PRIVATE KEY");
    }
  }

  @Test
  void aStateFileWinsOverTheSeed() throws IOException {
    Path stateFile = dir.resolve("sandbox.json");
    try (SandboxServer server = SandboxServer.start(options(stateFile))) {
      SandboxTestClient client = new SandboxTestClient(server, clock);
      String qa = client.get("/v1/betaGroups?filter%5Bname%5D=QA").ids().get(0);
      assertThat(client.delete("/v1/betaGroups/" + qa, null).status()).isEqualTo(204);
    }
    try (SandboxServer server = SandboxServer.start(options(stateFile))) {
      SandboxTestClient client = new SandboxTestClient(server, clock);
      assertThat(client.get("/v1/betaGroups?filter%5Bname%5D=QA").ids()).isEmpty();
      assertThat(client.get("/v1/betaGroups").ids()).hasSize(2);
    }
  }

  @Test
  void memoryModeGetsAFreshKeyEachStart() throws IOException {
    try (SandboxServer a = SandboxServer.start(SandboxOptions.defaults());
        SandboxServer b = SandboxServer.start(SandboxOptions.defaults())) {
      assertThat(a.credentials().keyId()).isNotEqualTo(b.credentials().keyId());
      assertThat(a.credentials().credentialsFile()).isNull();
    }
  }
}
