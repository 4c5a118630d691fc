package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import dev.flightplan.testing.LiveSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards against destructive plans, end to end against the sandbox: nothing outside what the file
 * owns is deleted, protected groups are never replaced, plans deleting more than --max-deletes or
 * emptying a group are refused with nothing sent, and --read-only refuses every write in the
 * client.
 */
@IntegrationTest
class GuardsTest extends SandboxTest {
  @Override
  protected boolean checkEachShapeOnce() {
    return true;
  }

  @TempDir Path tmp;

  private Path file(String yaml) throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(file, "version: 1\napps:\n  - bundleId: com.example.weather\n" + yaml);
    return file;
  }

  private static final String ONLY_QA =
      "    manage: { groups: all, testers: exclusive }\n"
          + "    groups:\n"
          + "      - { name: QA, internal: true, testers: [alice@example.com] }\n";

  @Test
  void aPlanDeletingMoreThanMaxDeletesIsRefusedWithNothingSentAndAllowedWhenAskedFor()
      throws IOException {
    Path file = file(ONLY_QA);
    CliRunner.Result refused =
        cli()
            .run(
                sandbox,
                "apply",
                "-f",
                file.toString(),
                "--prune",
                "--auto-approve",
                "--max-deletes",
                "3");
    assertThat(refused.exit()).as(refused.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(refused.err())
        .contains(
            "this plan would delete 5 objects (2 groups deleted, 3 testers leaving the app), more than --max-deletes 3 allows")
        .contains("run again with --max-deletes 5")
        .contains("Nothing was changed.");
    assertThat(refused.out()).contains("- group \"Old Beta\"");
    assertThat(writes()).isZero();

    CliRunner.Result allowed =
        cli()
            .run(
                sandbox,
                "apply",
                "-f",
                file.toString(),
                "--prune",
                "--auto-approve",
                "--max-deletes",
                "5");
    assertThat(allowed.exit()).as(allowed.all()).isZero();
    assertThat(allowed.out()).contains("Verified");
  }

  @Test
  void theDefaultOfTenCountsTestersRemovedFromGroups() throws IOException {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      many.add("t" + i + "@example.com");
    }
    String group =
        "      - { name: Friends & Family, testers: [carol@example.com, frank@example.com, "
            + String.join(", ", many)
            + "] }\n";
    Path file = file("    manage: { testers: exclusive }\n    groups:\n" + group);
    assertThat(cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve").exit())
        .isZero();

    long before = writes();
    file(
        ONLY_QA.replace("groups: all", "groups: listed")
            + "      - { name: Friends & Family, testers: [carol@example.com] }\n");
    CliRunner.Result refused = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(refused.exit()).as(refused.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(refused.err())
        .contains(
            "would delete 12 objects (12 testers removed from groups), more than --max-deletes 10");
    assertThat(writes()).isEqualTo(before);
  }

  @Test
  void emptyingAGroupThatHasMembersIsRefusedUnlessAllowed() throws IOException {
    Path file =
        file(
            "    manage: { testers: exclusive }\n    groups:\n      - { name: Old Beta, testers: [] }\n");
    CliRunner.Result refused = cli().run(sandbox, "apply", "-f", file.toString(), "--auto-approve");
    assertThat(refused.exit()).as(refused.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(refused.err())
        .contains(
            "this plan would empty group \"Old Beta\" of com.example.weather (its 1 member(s) would be removed and none added)")
        .contains("--allow-empty-groups");
    assertThat(writes()).isZero();

    CliRunner.Result allowed =
        cli()
            .run(sandbox, "apply", "-f", file.toString(), "--auto-approve", "--allow-empty-groups");
    assertThat(allowed.exit()).as(allowed.all()).isZero();
  }

  @Test
  void thePlanSaysWhenApplyWouldRefuseIt() throws IOException {
    Path file = file(ONLY_QA);
    CliRunner.Result within =
        cli().run(sandbox, "plan", "-f", file.toString(), "--prune", "--detailed-exitcode");
    assertThat(within.exit()).isEqualTo(ExitCodes.CHANGES);
    assertThat(within.out()).doesNotContain("would refuse");

    CliRunner.Result text =
        cli()
            .run(
                sandbox,
                "plan",
                "-f",
                file.toString(),
                "--prune",
                "--max-deletes",
                "3",
                "--detailed-exitcode");
    assertThat(text.exit()).as("a warning, not an error").isEqualTo(ExitCodes.CHANGES);
    assertThat(text.out())
        .contains(
            "Warning: Apply would refuse this plan: this plan would delete 5 objects (2 groups deleted,"
                + " 3 testers leaving the app), more than --max-deletes 3 allows; if that is intended, run again with --max-deletes 5");
    CliRunner.Result md =
        cli()
            .run(
                sandbox,
                "plan",
                "-f",
                file.toString(),
                "--prune",
                "--max-deletes",
                "3",
                "--format",
                "markdown");
    assertThat(md.out())
        .contains(
            "> [!WARNING]\n> `apply` would refuse this plan, changing nothing:\n> - this plan would delete 5 objects")
        .doesNotContain("- apply would refuse");

    Path emptying =
        file(
            "    manage: { testers: exclusive }\n    groups:\n      - { name: Old Beta, testers: [] }\n");
    assertThat(cli().run(sandbox, "plan", "-f", emptying.toString()).out())
        .contains(
            "Warning: Apply would refuse this plan: this plan would empty group \"Old Beta\"");
    assertThat(cli().run(sandbox, "plan", "-f", emptying.toString(), "--allow-empty-groups").out())
        .doesNotContain("would refuse");
    assertThat(writes()).isZero();
  }

  @Test
  void aSavedPlanIsGuardedToo() throws IOException {
    Path file = file(ONLY_QA);
    Path plan = tmp.resolve("plan.json");
    assertThat(
            cli()
                .run(sandbox, "plan", "-f", file.toString(), "--prune", "-o", plan.toString())
                .exit())
        .isZero();
    CliRunner.Result refused = cli().run(sandbox, "apply", plan.toString(), "--max-deletes", "1");
    assertThat(refused.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(refused.err()).contains("would delete 5 objects");
    assertThat(writes()).isZero();
    assertThat(cli().run(sandbox, "apply", plan.toString(), "--max-deletes", "5").exit()).isZero();
  }

  @Test
  void nothingOutsideWhatTheFileOwnsIsDeletedEvenWithPrune() throws IOException {
    // groups: listed and testers: additive (the defaults) own only what is listed, and never remove
    // anyone
    Path file =
        file(
            "    groups:\n      - { name: QA, internal: true, testers: [alice@example.com, bob@example.com] }\n");
    CliRunner.Result applied =
        cli()
            .run(
                sandbox,
                "apply",
                "-f",
                file.toString(),
                "--prune",
                "--auto-approve",
                "--max-deletes",
                "0");
    assertThat(applied.exit()).as(applied.all()).isZero();
    assertThat(sandbox.requestCounts().keySet()).noneMatch(k -> k.startsWith("DELETE"));
    String after = LiveSummary.read(sandbox, file);
    assertThat(after)
        .contains("\"name\":\"Old Beta\"")
        .contains("\"name\":\"Friends & Family\"")
        .contains("frank@example.com")
        .contains("grace@example.com");

    // exclusive testers without --prune: members leave managed groups, nobody leaves the app
    Path exclusive =
        file(
            "    manage: { testers: exclusive }\n    groups:\n      - { name: Friends & Family, testers: [carol@example.com] }\n");
    assertThat(cli().run(sandbox, "apply", "-f", exclusive.toString(), "--auto-approve").exit())
        .isZero();
    assertThat(sandbox.requestCounts())
        .doesNotContainKey("DELETE /v1/apps/{id}/relationships/betaTesters")
        .doesNotContainKey("DELETE /v1/betaGroups/{id}");
    assertThat(LiveSummary.read(sandbox, exclusive))
        .contains("\"email\":\"frank@example.com\"")
        .contains("\"name\":\"Old Beta\"");
  }

  @Test
  void aProtectedGroupIsNeverReplacedOrDeleted() throws IOException {
    Path file =
        file(
            "    manage: { groups: all }\n    groups:\n"
                + "      - { name: QA, internal: true, testers: [alice@example.com] }\n"
                + "      - { name: Friends & Family, internal: true, protect: true }\n"
                + "      - { name: Old Beta }\n");
    CliRunner.Result refused =
        cli()
            .run(
                sandbox,
                "apply",
                "-f",
                file.toString(),
                "--allow-replace",
                "--prune",
                "--auto-approve");
    assertThat(refused.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(refused.err()).contains("group \"Friends & Family\" is protected");
    assertThat(writes()).isZero();
    assertThat(
            cli().run(sandbox, "plan", "-f", file.toString(), "--allow-replace", "--prune").all())
        .doesNotContain("-/+ group \"Friends & Family\"");
  }

  @Test
  void readOnlyPlansButRefusesEveryWriteBeforeSendingIt() throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.copy(Path.of("examples/testflight.yaml"), file);
    Files.copy(Path.of("examples/demo-password.txt"), tmp.resolve("demo-password.txt"));
    CliRunner.Result plan =
        cli().run(sandbox, "plan", "-f", file.toString(), "--read-only", "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.CHANGES);

    CliRunner.Result apply =
        cli().run(sandbox, "apply", "-f", file.toString(), "--read-only", "--auto-approve");
    assertThat(apply.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(apply.out())
        .contains("Apply failed at request 1 of ")
        .contains("POST /v1/betaGroups (create group \"Public Beta\")")
        .contains("refused, the client is read-only (--read-only): nothing was sent");
    assertThat(writes()).isZero();
  }
}
