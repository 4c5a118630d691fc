package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.config.AppSpec;
import dev.flightplan.config.IncludedFile;
import dev.flightplan.config.LoadResult;
import dev.flightplan.engine.ConfigFile;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The example workflows are safe to run unattended: every job is bounded in time, the runs that
 * write take turns without GitHub ever cancelling one that waits, the triggers cover every file the
 * TestFlight file includes, no log holds an email address, and the saved plan, which does hold
 * them, is kept briefly.
 */
@IntegrationTest
class WorkflowSafetyTest {
  private static final Path WORKFLOWS = Path.of("examples/github/workflows");
  private static final String TURN = "./.github/actions/flightplan-turn";

  @Test
  void everyJobHasATimeout() throws IOException {
    for (Path workflow : workflowFiles()) {
      jobs(workflow)
          .forEach(
              (name, job) ->
                  assertThat(job.get("timeout-minutes"))
                      .as(
                          "%s: job %s sets timeout-minutes (GitHub's default is 6 hours)",
                          workflow, name)
                      .isInstanceOfSatisfying(
                          Integer.class, minutes -> assertThat(minutes).isBetween(1, 300)));
    }
  }

  @Test
  void writersTakeTurnsAndNoWaitingApplyIsEverCancelled() throws IOException {
    Set<String> writers = new TreeSet<>();
    WorkflowCommandsTest.invocations().stream()
        .filter(i -> i.args().get(0).equals("apply"))
        .forEach(i -> writers.add(i.file().getFileName().toString()));
    assertThat(writers)
        .containsExactly(
            "flightplan-apply.yml", "flightplan-distribute.yml", "flightplan-reminders.yml");
    for (Path workflow : workflowFiles()) {
      Map<String, Object> doc = yaml(workflow);
      String name = workflow.getFileName().toString();
      boolean writes = writers.contains(name);
      boolean scheduled = on(doc).containsKey("schedule");
      if (writes) {
        // GitHub keeps one pending run per concurrency group and cancels the one pending before it
        assertThat(doc)
            .as("%s: a writer in a concurrency group could have a waiting apply cancelled", name)
            .doesNotContainKey("concurrency");
      }
      for (Map.Entry<String, Map<String, Object>> job : jobs(workflow).entrySet()) {
        if (writes) {
          assertThat(job.getValue())
              .as("%s: job %s", name, job.getKey())
              .doesNotContainKey("concurrency");
        }
        List<Map<String, Object>> steps = steps(job.getValue());
        int turn = indexOf(steps, s -> TURN.equals(s.get("uses")));
        if (!writes && !scheduled) {
          continue; // a pull request's plan: a plan made while an apply runs is refused as stale
          // when applied
        }
        if (indexOf(steps, s -> String.valueOf(s.get("run")).contains("flightplan ")) < 0) {
          continue; // a job of a writing workflow that runs no flightplan (the upload before a
          // distribution)
        }
        assertThat(turn).as("%s waits for the runs that write before it", name).isNotNegative();
        @SuppressWarnings("unchecked")
        Map<String, Object> with = (Map<String, Object>) steps.get(turn).get("with");
        assertThat(new TreeSet<>(List.of(String.valueOf(with.get("workflows")).split("\\s+"))))
            .as("%s waits for every workflow that writes", name)
            .isEqualTo(writers);
        assertThat(turn)
            .as("%s: its turn comes before it restores the invitation log", name)
            .isLessThan(indexOf(steps, s -> "actions/cache/restore@v4".equals(s.get("uses"))));
        assertThat(turn)
            .as("%s: its turn comes before flightplan runs", name)
            .isLessThan(indexOf(steps, s -> String.valueOf(s.get("run")).contains("flightplan ")));
      }
    }
  }

  @Test
  void changesToTheFileOrAnythingItIncludesPlanAndApply() throws IOException {
    Map<String, Object> plan = yaml(WORKFLOWS.resolve("flightplan-plan.yml"));
    @SuppressWarnings("unchecked")
    String file = String.valueOf(((Map<String, Object>) plan.get("env")).get("FLIGHTPLAN_FILE"));
    Path dir = Path.of(file).getParent();
    assertThat(dir)
        .as("the file lives in a directory of its own, which holds everything it includes")
        .isNotNull();
    // the example file and what it includes, laid out in that directory; and a tester list deeper
    // down
    ConfigFile example = ConfigFile.load(Path.of("examples/testflight.yaml"));
    List<String> files =
        new ArrayList<>(List.of(file, dir.resolve("lists/2026/beta.csv").toString()));
    files.addAll(
        includedBy(example.result()).stream().map(p -> dir.resolve(p).toString()).toList());
    assertThat(files)
        .as("the example includes its demo password file")
        .contains(dir.resolve("demo-password.txt").toString());
    for (String workflow : List.of("flightplan-plan.yml", "flightplan-apply.yml")) {
      Map<String, Object> on = on(yaml(WORKFLOWS.resolve(workflow)));
      @SuppressWarnings("unchecked")
      Map<String, Object> trigger =
          (Map<String, Object>) on.getOrDefault("pull_request", on.get("push"));
      @SuppressWarnings("unchecked")
      List<String> paths = (List<String>) trigger.get("paths");
      for (String f : files) {
        assertThat(paths.stream().anyMatch(glob -> glob(glob).matcher(f).matches()))
            .as("%s runs when %s changes (paths: %s)", workflow, f, paths)
            .isTrue();
      }
    }
  }

  @Test
  void noLogHoldsAnEmailAddress() throws IOException {
    for (WorkflowCommandsTest.Invocation i : WorkflowCommandsTest.invocations()) {
      // the version (and commit) is all these print
      if (i.args().equals(List.of("--version")) || i.args().equals(List.of("version"))) {
        continue;
      }
      assertThat(i.args())
          .as(
              "%s: flightplan %s masks the addresses it prints, on stdout and stderr",
              i.file(), i.args())
          .contains("--mask-emails")
          .doesNotContain("--show-emails");
    }
  }

  @Test
  void theSavedPlanHoldsEmailsSoItIsKeptAWeekAndSaysSo() throws IOException {
    String text = Files.readString(WORKFLOWS.resolve("flightplan-plan.yml"));
    assertThat(text).contains("plan.json holds every tester email and name the plan touches");
    for (Map<String, Object> step :
        steps(jobs(WORKFLOWS.resolve("flightplan-plan.yml")).get("plan"))) {
      if (String.valueOf(step.get("uses")).startsWith("actions/upload-artifact")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> with = (Map<String, Object>) step.get("with");
        assertThat(with).containsEntry("path", "plan.json");
        assertThat((Integer) with.get("retention-days")).isBetween(1, 7);
      }
    }
  }

  /**
   * The files a loaded desired-state file names, relative to its directory: tester lists and
   * password files.
   */
  private static List<String> includedBy(LoadResult result) {
    List<String> out = new ArrayList<>();
    Path base = Path.of("examples");
    for (IncludedFile f : result.included()) {
      out.add(base.relativize(Path.of(f.path())).toString());
    }
    for (AppSpec app : result.state().orElseThrow().apps()) {
      if (app.reviewDetail() != null
          && app.reviewDetail().demoAccountPassword() != null
          && app.reviewDetail().demoAccountPassword().file() != null) {
        out.add(app.reviewDetail().demoAccountPassword().file());
      }
    }
    return out;
  }

  /**
   * A GitHub paths filter as a regular expression: {@code **} crosses directories, {@code *} does
   * not.
   */
  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  private static List<Path> workflowFiles() throws IOException {
    try (var files = Files.list(WORKFLOWS)) {
      return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
  }

  private static Map<String, Object> yaml(Path file) throws IOException {
    return new Yaml().load(Files.readString(file));
  }

  /** The triggers: YAML 1.1 reads the key {@code on} as the boolean true. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> on(Map<String, Object> doc) {
    Object on =
        doc.containsKey("on")
            ? doc.get("on")
            : ((Map<Object, Object>) (Map<?, ?>) doc).get(Boolean.TRUE);
    return (Map<String, Object>) on;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> jobs(Path workflow) throws IOException {
    return (Map<String, Map<String, Object>>) yaml(workflow).get("jobs");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> steps(Map<String, Object> job) {
    return (List<Map<String, Object>>) job.get("steps");
  }

  private static int indexOf(
      List<Map<String, Object>> steps, java.util.function.Predicate<Map<String, Object>> which) {
    for (int i = 0; i < steps.size(); i++) {
      if (which.test(steps.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
