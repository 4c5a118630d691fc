package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@code --version} and {@code version [--json]} say which build this is: the pom's version and the
 * git commit the build was made from (the checkout's HEAD when it has one, "unknown" when built
 * without git).
 */
@IntegrationTest
class VersionTest {
  /** The pom's version, handed over by surefire (pom.xml). */
  private static final String POM_VERSION = System.getProperty("flightplan.expectedVersion");

  @Test
  void versionPrintsTheVersionAndTheCommitOfTheCheckout() throws Exception {
    CliRunner.Result r = CliRunner.plain().run("--version");
    assertThat(r.exit()).isZero();
    String commit = head();
    assertThat(r.out().lines().findFirst())
        .contains(
            "flightplan "
                + POM_VERSION
                + " (commit "
                + (commit == null ? "unknown" : commit.substring(0, 12))
                + (dirty() ? "-dirty" : "")
                + ")");
    assertThat(r.out()).contains("Java " + Runtime.version());

    CliRunner.Result command = CliRunner.plain().run("version");
    assertThat(command.exit()).isZero();
    assertThat(command.out()).isEqualTo(r.out());
  }

  @Test
  void versionJsonIsOneObjectForScripts() throws Exception {
    CliRunner.Result r = CliRunner.plain().run("version", "--json");
    assertThat(r.exit()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly("version", "commit", "dirty", "java", "platform");
    assertThat(json.get("version").asText()).isEqualTo(POM_VERSION).doesNotContain("${");
    String commit = head();
    assertThat(json.get("commit").asText()).isEqualTo(commit == null ? "unknown" : commit);
    assertThat(json.get("dirty").isBoolean()).isTrue();
    assertThat(json.get("java").asText()).isEqualTo(Runtime.version().toString());
  }

  @Test
  void aBuildWithoutGitSaysUnknown() {
    Properties unfilled = new Properties();
    unfilled.setProperty("version", "1.2.3");
    unfilled.setProperty("commit", "${flightplan.commit}");
    BuildInfo build = BuildInfo.of(unfilled);
    assertThat(build).isEqualTo(new BuildInfo("1.2.3", "unknown", false));
    assertThat(build.shortCommit()).isEqualTo("unknown");
    assertThat(BuildInfo.of(new Properties()).version()).isEqualTo("dev");
    assertThat(
            new BuildInfo("1.2.3", "0123456789abcdef0123456789abcdef01234567", true).shortCommit())
        .isEqualTo("0123456789ab-dirty");
  }

  /** git's HEAD of this checkout, or null without git (a source archive). */
  private static String head() throws IOException, InterruptedException {
    return git("rev-parse", "--verify", "--quiet", "HEAD");
  }

  private static boolean dirty() throws IOException, InterruptedException {
    String status = git("status", "--porcelain", "--untracked-files=no");
    return status != null && !status.isEmpty();
  }

  private static String git(String... args) throws IOException, InterruptedException {
    if (!Files.exists(Path.of(".git"))) {
      return null;
    }
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return p.waitFor() == 0 ? out : null;
  }
}
