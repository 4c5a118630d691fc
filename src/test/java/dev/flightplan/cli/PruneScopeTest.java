package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.api.AscClient;
import dev.flightplan.config.ConfigLoader;
import dev.flightplan.state.LiveApp;
import dev.flightplan.state.LiveGroup;
import dev.flightplan.state.LiveTester;
import dev.flightplan.state.StateReader;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code manage.testers: exclusive} with {@code --prune} removes from the app only the testers the
 * file owns: those all of whose groups the file manages, or who are in no group. A tester in a
 * group the file does not manage is left alone, and the plan says how many and why. Against the
 * demo seed: QA (alice), Friends &amp; Family (carol, frank), Old Beta (grace).
 */
@IntegrationTest
class PruneScopeTest extends SandboxTest {
  @TempDir Path tmp;

  private Path file(String yaml) throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(file, "version: 1\napps:\n  - bundleId: com.example.weather\n" + yaml);
    return file;
  }

  /** Each tester's groups, by name, as App Store Connect has them now. */
  private Map<String, Set<String>> groupsByTester(Path file) {
    try (AscClient client = sandboxClient()) {
      LiveApp app =
          new StateReader(client, dev.flightplan.kinds.Kinds.reads())
              .read(ConfigLoader.load(file).state().orElseThrow())
              .apps()
              .get(0);
      Map<String, String> names =
          app.groups().stream().collect(Collectors.toMap(LiveGroup::id, LiveGroup::name));
      Map<String, Set<String>> out = new TreeMap<>();
      for (LiveTester t : app.testers()) {
        out.put(
            t.email(),
            t.groupIds().stream().map(names::get).collect(Collectors.toCollection(TreeSet::new)));
      }
      return out;
    }
  }

  private static final String LISTED_EXCLUSIVE =
      "    manage: { groups: listed, testers: exclusive }\n"
          + "    groups:\n"
          + "      - { name: QA, internal: true, testers: [alice@example.com] }\n"
          + "      - { name: Friends & Family, testers: [carol@example.com] }\n";

  @Test
  void pruneNeverRemovesATesterWhoIsInAGroupTheFileDoesNotManage() throws IOException {
    // frank joins Old Beta too (a group the exclusive file will not list), beside Friends & Family
    Path setup = file("    groups:\n      - { name: Old Beta, testers: [frank@example.com] }\n");
    assertThat(cli().run(sandbox, "apply", "-f", setup.toString(), "--auto-approve").exit())
        .isZero();

    Path file = file(LISTED_EXCLUSIVE);
    CliRunner.Result plan =
        cli().run(sandbox, "plan", "-f", file.toString(), "--prune", "--allow-empty-groups");
    assertThat(plan.exit()).as(plan.all()).isZero();
    assertThat(plan.out())
        .as(
            "before, grace and frank (in Old Beta, which the file does not list) were planned to leave the app")
        .doesNotContain("- tester \"grace@example.com\"")
        .doesNotContain("- tester \"frank@example.com\"")
        .contains("~ group \"Friends & Family\"")
        .contains(
            "com.example.weather: 2 tester(s) not in the file stay in the app: each is in a group the file does not"
                + " manage (\"Old Beta\"), and manage.testers: exclusive removes only testers all of whose groups the file manages");

    CliRunner.Result apply =
        cli()
            .run(
                sandbox,
                "apply",
                "-f",
                file.toString(),
                "--prune",
                "--auto-approve",
                "--allow-empty-groups");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(sandbox.requestCounts())
        .doesNotContainKey("DELETE /v1/apps/{id}/relationships/betaTesters");
    assertThat(groupsByTester(file))
        .containsEntry("grace@example.com", Set.of("Old Beta"))
        .as("frank leaves the managed group the file does not list him in, and stays in the other")
        .containsEntry("frank@example.com", Set.of("Old Beta"));
    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void pruneRemovesTestersAllOfWhoseGroupsTheFileManagesOrWhoAreInNone() throws IOException {
    Path file = file(LISTED_EXCLUSIVE + "      - { name: Old Beta }\n");
    CliRunner.Result apply =
        cli()
            .run(
                sandbox,
                "apply",
                "-f",
                file.toString(),
                "--prune",
                "--auto-approve",
                "--allow-empty-groups");
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(apply.out())
        .contains("- tester \"frank@example.com\"")
        .contains("- tester \"grace@example.com\"")
        .doesNotContain("stay in the app");
    assertThat(groupsByTester(file).keySet())
        .containsExactly("alice@example.com", "carol@example.com");
    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void withoutPruneThePlanSaysTheseTestersStayEvenWithPrune() throws IOException {
    Path file = file(LISTED_EXCLUSIVE);
    CliRunner.Result plan = cli().run(sandbox, "plan", "-f", file.toString());
    assertThat(plan.out())
        .contains(
            "com.example.weather: 1 tester(s) not in the file stay in the app, also with --prune: each is in a group"
                + " the file does not manage (\"Old Beta\")")
        .as("frank, whom the plan takes out of Friends & Family, is the file's")
        .contains(
            "com.example.weather: 1 tester(s) not in the file would be removed from the app with --prune");
  }
}
