package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.api.AscClient;
import dev.flightplan.config.ConfigLoader;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.StateReader;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A public link's limit, end to end: left out, the limit App Store Connect has is left alone (a
 * file written for an earlier version, where that meant "no limit", is told so where it leaves the
 * limit out); {@code limit: none} removes it; a pulled file says {@code limit: none} for a link
 * without one. The demo seed's Old Beta has its link on with a limit of 100.
 */
@IntegrationTest
class LinkLimitTest extends SandboxTest {
  @TempDir Path tmp;

  private Path file(String link) throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(
        file,
        "version: 1\napps:\n  - bundleId: com.example.weather\n    groups:\n      - name: Old Beta\n"
            + "        publicLink: "
            + link
            + "\n");
    return file;
  }

  private LiveGroup oldBeta(Path file) {
    try (AscClient client = sandboxClient()) {
      return new StateReader(client, dev.flightplan.kinds.Kinds.reads())
          .read(ConfigLoader.load(file).state().orElseThrow()).apps().get(0).groups().stream()
              .filter(g -> g.name().equals("Old Beta"))
              .findFirst()
              .orElseThrow();
    }
  }

  @Test
  void anOmittedLimitIsLeftAsItIsAndTheNoteSaysHowToRemoveIt() throws IOException {
    Path file = file("{ enabled: true }");
    CliRunner.Result plan =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(plan.exit())
        .as("before, an omitted limit removed the limit of 100: " + plan.all())
        .isEqualTo(ExitCodes.OK);
    assertThat(plan.out())
        .contains("No changes.")
        .contains(
            file
                + ":6:21: group \"Old Beta\": publicLink states no limit, so the limit App Store Connect has (100)"
                + " is left as it is (earlier versions of flightplan removed it); write limit: none to remove it, or limit: 100"
                + " to keep it");
    CliRunner.Result json = cli().run(sandbox, "plan", "-f", file.toString(), "--format", "json");
    assertThat(json.out()).contains("publicLink states no limit");

    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(writes()).isZero();
    assertThat(oldBeta(file).publicLinkLimitEnabled()).isTrue();
    assertThat(oldBeta(file).publicLinkLimit()).isEqualTo(100);

    Path stated = file("{ enabled: true, limit: 100 }");
    CliRunner.Result quiet =
        cli().run(sandbox, "plan", "-f", stated.toString(), "--detailed-exitcode");
    assertThat(quiet.exit()).isEqualTo(ExitCodes.OK);
    assertThat(quiet.out()).doesNotContain("publicLink states no limit");
  }

  @Test
  void limitNoneRemovesTheLimitAndAPulledFileSaysNone() throws IOException {
    Path file = file("{ enabled: true, limit: none }");
    CliRunner.Result plan =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.CHANGES);
    assertThat(plan.out())
        .contains("~ group \"Old Beta\"")
        .contains("~ publicLinkLimit = 100 -> \"none\"");

    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(oldBeta(file).publicLinkLimitEnabled()).isFalse();
    assertThat(cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode").exit())
        .isEqualTo(ExitCodes.OK);

    Path pulled = tmp.resolve("pulled.yaml");
    CliRunner.Result pull =
        cli().run(sandbox, "pull", "--app", "com.example.weather", "-o", pulled.toString());
    assertThat(pull.exit()).as(pull.all()).isZero();
    assertThat(Files.readString(pulled)).contains("limit: none");
    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", pulled.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isEqualTo(ExitCodes.OK);
    assertThat(again.out()).doesNotContain("publicLink states no limit");
  }
}
