package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * App Store Connect's tester limits are checked by the plan before any request: live testers the
 * file does not mention count, the error is at the membership that crosses the limit and says how
 * many places are left, apply sends nothing; a file that fits applies and plans empty afterwards.
 */
@IntegrationTest
class TesterLimitsPlanTest extends SandboxTest {
  /**
   * Live: 98 internal testers in "Staff", and 9,995 external testers in "Public" (the first 1,000
   * by its public link).
   */
  private static final int STAFF = 98;

  private final int publicTesters;

  @TempDir Path tmp;

  TesterLimitsPlanTest(TestInfo test) {
    // the internal limit needs no crowd of external testers
    publicTesters = test.getDisplayName().startsWith("external") ? 9_995 : 10;
  }

  @Override
  protected boolean checkEachShapeOnce() {
    return true;
  }

  @Override
  protected SandboxOptions options() {
    List<String> users = new ArrayList<>();
    List<String> staff = new ArrayList<>();
    for (int i = 0; i < STAFF + 5; i++) {
      users.add(
          "{\"email\":\"user"
              + i
              + "@example.com\",\"firstName\":\"U\",\"lastName\":\""
              + i
              + "\"}");
      if (i < STAFF) {
        staff.add("\"user" + i + "@example.com\"");
      }
    }
    List<String> testers = new ArrayList<>();
    List<String> members = new ArrayList<>();
    for (int i = 0; i < publicTesters; i++) {
      String invite = i < 1_000 ? ",\"inviteType\":\"PUBLIC_LINK\"" : "";
      testers.add(
          "{\"email\":\"t"
              + i
              + "@example.com\",\"firstName\":\"T\",\"lastName\":\""
              + i
              + "\""
              + invite
              + "}");
      members.add("\"t" + i + "@example.com\"");
    }
    String seed =
        "{\"apps\":[{\"id\":\"1\",\"bundleId\":\"com.example.big\",\"name\":\"Big\",\"sku\":\"BIG\","
            + "\"primaryLocale\":\"en-US\"}],\"users\":["
            + String.join(",", users)
            + "],"
            + "\"groups\":[{\"app\":\"com.example.big\",\"name\":\"Staff\",\"isInternalGroup\":true,\"testers\":["
            + String.join(",", staff)
            + "]},{\"app\":\"com.example.big\",\"name\":\"Public\",\"testers\":["
            + String.join(",", members)
            + "]}],"
            + "\"testers\":["
            + String.join(",", testers)
            + "]}";
    try {
      Path file = tmp.resolve("seed.json");
      Files.writeString(file, seed);
      return SandboxOptions.defaults().withSeedFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path file(String yaml) throws IOException {
    Path file = tmp.resolve("testflight.yaml");
    Files.writeString(file, "version: 1\napps:\n  - bundleId: com.example.big\n" + yaml);
    return file;
  }

  @Test
  void externalTestersPastTenThousandAreRefusedAtTheMembershipThatCrossesBeforeAnyRequest()
      throws IOException {
    // three live members and six new ones: 9,995 + 6 is one too many; the sixth new one (line 15)
    // crosses
    StringBuilder yaml = new StringBuilder("    groups:\n      - name: Public\n        testers:\n");
    for (String email :
        List.of(
            "t0@example.com",
            "t1@example.com",
            "t2000@example.com",
            "new1@example.com",
            "new2@example.com",
            "new3@example.com",
            "new4@example.com",
            "new5@example.com",
            "new6@example.com")) {
      yaml.append("          - ").append(email).append('\n');
    }
    Path file = file(yaml.toString());
    long writes = writes();
    for (String[] command : new String[][] {{"plan"}, {"apply", "--auto-approve"}}) {
      List<String> args = new ArrayList<>(List.of(command));
      args.addAll(List.of("-f", file.toString()));
      CliRunner.Result run = cli().run(sandbox, args.toArray(String[]::new));
      assertThat(run.exit()).as(run.all()).isEqualTo(ExitCodes.ERROR);
      assertThat(run.err())
          .contains(
              file
                  + ":15:13: error: this tester takes com.example.big past App Store Connect's"
                  + " limit of 10,000 external testers per app (public-link joiners and testers given a build individually"
                  + " count): the app has 9,995 (9,992 of them not in the file), so 5 more can be added, and the file adds 6")
          .contains("list 1 fewer new external tester(s), or make room first")
          .doesNotContain(":14:13: error");
    }
    assertThat(writes()).as("nothing is sent").isEqualTo(writes);

    // one fewer fits exactly: applied, and the app is at the limit
    Path fits = file(yaml.toString().replace("          - new6@example.com\n", ""));
    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", fits.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", fits.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
    assertThat(again.err()).doesNotContain("error");
  }

  @Test
  void internalTestersPastAHundredAreRefusedWhereATesterJoinsAnInternalGroup() throws IOException {
    Path file =
        file(
            "    groups:\n      - { name: Staff, internal: true }\n    testers:\n"
                + "      - { email: user98@example.com, groups: [Staff] }\n"
                + "      - { email: user99@example.com, groups: [Staff] }\n"
                + "      - { email: user100@example.com, groups: [Staff] }\n");
    long writes = writes();
    CliRunner.Result plan = cli().run(sandbox, "plan", "-f", file.toString());
    assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.ERROR);
    assertThat(plan.err())
        .contains(
            file
                + ":9:48: error: this tester takes com.example.big past App Store Connect's"
                + " limit of 100 internal testers per app: the app has 98 (98 of them not in the file), so 2 more can be added,"
                + " and the file adds 3");
    assertThat(writes()).isEqualTo(writes);

    Path fits =
        file(
            "    groups:\n      - { name: Staff, internal: true }\n    testers:\n"
                + "      - { email: user98@example.com, groups: [Staff] }\n"
                + "      - { email: user99@example.com, groups: [Staff] }\n");
    CliRunner.Result apply = cli().run(sandbox, "apply", "-f", fits.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.all()).isZero();
    CliRunner.Result again =
        cli().run(sandbox, "plan", "-f", fits.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.all()).isZero();
  }
}
