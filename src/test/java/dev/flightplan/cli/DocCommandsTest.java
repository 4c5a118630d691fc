package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.render.EmailMask;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Docs that stay true: every command the documentation shows works as it says, read from the files
 * at test time (README.md and the other Markdown files at the root, docs/, examples/; the workflows
 * are {@link DocWorkflowsTest}).
 *
 * <ul>
 *   <li>In {@code sh} code blocks, every command. A flightplan command ({@code flightplan ...},
 *       {@code .../flightplan ...}, {@code java -jar .../flightplan.jar ...}) runs in-process
 *       against a sandbox, one document's commands in order in one scratch working directory
 *       ({@link DocWorkspace}), and must exit 0, or N when a comment on its line says {@code # exit
 *       N}; {@code < FILE}, {@code cat FILE |}, {@code > FILE} and {@code 2> FILE} work as in a
 *       shell. Any other command must be in {@link #SKIPPED} with the reason it cannot run here: a
 *       command added to the docs fails this test until it runs or is listed.
 *   <li>Usage lines in other code blocks ({@code flightplan plan [-f FILE] ...}) name a command and
 *       options that exist.
 *   <li>Inline code that starts {@code flightplan } parses as a command line (no usage error).
 * </ul>
 *
 * The walk-through's outcomes in detail are {@link EndToEndTest}'s.
 */
@IntegrationTest
class DocCommandsTest extends SandboxTest {
  private static final Set<String> SHELL = Set.of("sh", "bash", "shell");
  private static final Pattern EXIT = Pattern.compile("\\bexit (\\d+)\\b");
  private static final Pattern OPTION = Pattern.compile("(?<![\\w-])(--?[A-Za-z][\\w-]*)");

  /**
   * Commands in code blocks that are not run here, and why. Exactly those the docs show (see the
   * test below).
   */
  private static final String BENCHMARK_100K =
      "the 100,000-tester benchmark (BENCHMARKS.md): minutes of CPU and a sandbox of its own; ScaleBarTest runs a 20,000-tester variant";

  private static final String SANDBOX_WRITES =
      "the sandbox write benchmark (BENCHMARKS.md): a sandbox process of 100,000 testers and a minute of writes; "
          + "SandboxKillTest and JournalTest test the journal";

  private static final String SCALE =
      "plan of 100,000 testers through the CLI against two sandbox processes (BENCHMARKS.md): a minute, and a GB of"
          + " memory";

  private static final String CPU_PER_REQUEST =
      "the CPU-per-request benchmark (BENCHMARKS.md): a sandbox process and minutes of applies of 1,000 writes";

  static final Map<String, String> SKIPPED =
      Map.ofEntries(
          Map.entry("./mvnw -B -q package -DskipTests", BENCHMARK_100K),
          Map.entry(
              "./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test",
              BENCHMARK_100K),
          Map.entry("cat cp.txt", BENCHMARK_100K),
          Map.entry(
              "java -cp $CP dev.flightplan.bench.ScaleFiles /tmp/s16/t100000 100000",
              BENCHMARK_100K),
          Map.entry("cp target/flightplan.jar /tmp/s16/sb.jar", BENCHMARK_100K),
          Map.entry("cd /tmp/s16", BENCHMARK_100K),
          Map.entry(
              "java -jar sb.jar sandbox --port 0 --state st-full.json --seed t100000/seed-full.json --hourly-limit 100000000",
              BENCHMARK_100K),
          Map.entry(
              "/usr/bin/time -f \"wall=%e user=%U sys=%S maxrss=%MKB\" java -Xmx512m -Xlog:gc:file=gc.log    -jar target/flightplan.jar plan --api-url http://127.0.0.1:PORT -f /tmp/s16/t100000/testflight.yaml",
              BENCHMARK_100K),
          Map.entry(
              "java -Xmx512m -cp $CP dev.flightplan.bench.PlannerBench 100000 create 3 10",
              "the planner benchmark of 100,000 creates in 10 apps (BENCHMARKS.md): a minute of CPU and half a GB of heap"),
          Map.entry("scripts/sandbox-write-benchmark 100000 1000 0 1", SANDBOX_WRITES),
          Map.entry("scripts/sandbox-write-benchmark 0 1000 100 4", SANDBOX_WRITES),
          Map.entry("scripts/cpu-per-request-benchmark 1000 5", CPU_PER_REQUEST),
          Map.entry(
              "CLIENT_OPTS=\"-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC\" scripts/cpu-per-request-benchmark 1000 2 4000",
              CPU_PER_REQUEST),
          Map.entry("scripts/scale-benchmark 100000 5 10", SCALE),
          Map.entry("scripts/scale-benchmark 100000 50 1", SCALE),
          Map.entry(
              "BASELINE=../c3063e1/target/flightplan-0.1.0-SNAPSHOT scripts/config-load-benchmark 10000 5",
              "the config-load benchmark against another build's distribution (BENCHMARKS.md): minutes of validate runs"),
          Map.entry(
              "CLIENT_OPTS=\"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC\" scripts/cpu-per-request-benchmark 1000 3",
              CPU_PER_REQUEST),
          Map.entry(
              "BASELINE=../c3063e1/target/flightplan-0.1.0-SNAPSHOT scripts/floor-benchmark 21",
              "the floors under start-up and config load, against another build's distribution (BENCHMARKS.md):"
                  + " minutes of JVMs side by side"),
          Map.entry(
              "./mvnw -q -B package -DskipTests",
              "the build this test runs in; DistributionIT checks what it leaves in target/"),
          Map.entry("./mvnw -B verify", "the whole test suite, this test included"),
          Map.entry(
              "./mvnw -q -B -Pbenchmark test-compile exec:exec",
              "the benchmark: about 12 minutes on two cores"),
          Map.entry(
              "scripts/startup-benchmark 21",
              "measures start-up against another JDK, with the launcher of a packaged build"),
          Map.entry(
              "curl -fsSL -O \"$base/flightplan-$v.tar.gz\" -O \"$base/SHA256SUMS\"",
              "downloads a release from GitHub (tests have no network; ActionStepsIT checks a staged release the same way)"),
          Map.entry("sha256sum --check --ignore-missing SHA256SUMS", "checks the download above"),
          Map.entry(
              "tar -xzf \"flightplan-$v.tar.gz\"",
              "unpacks the download above (DistributionIT checks the archive)"),
          Map.entry("export PATH=\"$PWD/flightplan-$v/bin:$PATH\"", "changes the reader's shell"),
          Map.entry("git add testflight.yaml", "commits to the reader's repository"),
          Map.entry(
              "jq -r '.outcome, (.failed[] | \"\\(.address): \\(.error.code) \\(.error.detail)\")' apply.json",
              "reads the report above with jq (ApplyJsonTest parses such reports and checks them against their schema)"),
          Map.entry("git commit -m \"TestFlight as it is\"", "commits to the reader's repository"));

  /** flightplan commands that are parsed but not run, and why. */
  static final Map<String, String> PARSED_ONLY =
      Map.of(
          "java -jar target/flightplan.jar sandbox --port 8787 --state /tmp/asc/state.json",
          "serves until it is stopped (SandboxTest and every other test run the server)");

  @TempDir Path tmp;

  static Stream<Path> documents() {
    return DocFiles.markdown().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void everyCommandTheDocumentShowsWorksAsItSays(Path doc) throws IOException {
    DocWorkspace workspace = new DocWorkspace(tmp, sandbox, Map.of());
    List<String> problems = new ArrayList<>();
    for (DocFiles.Block block : DocFiles.blocks(doc)) {
      if (SHELL.contains(block.language())) {
        run(block, workspace, problems);
      } else {
        usageLines(block, problems);
      }
    }
    for (DocFiles.Span span : DocFiles.spans(doc)) {
      inline(span, problems);
    }
    assertThat(problems).as("commands in %s that do not work as it says", doc).isEmpty();
  }

  private static void run(DocFiles.Block block, DocWorkspace workspace, List<String> problems)
      throws IOException {
    List<ShellScript.Command> commands = ShellScript.parse(block.text(), Map.of());
    String stdin = null;
    for (int i = 0; i < commands.size(); i++) {
      ShellScript.Command c = commands.get(i);
      String where =
          block.file()
              + ":"
              + (block.line() + 1 + lineIn(block.text(), c.text()))
              + ": `"
              + c.text()
              + "`";
      Optional<List<String>> args = DocWorkspace.flightplanArgs(c.words());
      boolean feedsNext =
          i + 1 < commands.size()
              && commands.get(i + 1).piped()
              && DocWorkspace.flightplanArgs(commands.get(i + 1).words()).isPresent();
      if (c.words().get(0).equals("cat") && c.words().size() == 2 && feedsNext) {
        stdin = Files.readString(Path.of(workspace.path(c.words().get(1))));
      } else if (args.isEmpty()) {
        if (!SKIPPED.containsKey(c.text())
            && !c.words().stream().allMatch(w -> w.matches("[A-Za-z_][A-Za-z0-9_]*=.*"))) {
          problems.add(
              where
                  + " is neither a flightplan command nor in DocCommandsTest.SKIPPED (say there why it cannot run)");
        }
      } else if (PARSED_ONLY.containsKey(c.text())) {
        parses(where, args.get(), problems);
      } else {
        String in = c.in() != null ? Files.readString(Path.of(workspace.path(c.in()))) : stdin;
        stdin = null;
        CliRunner.Result r = workspace.run(args.get(), in);
        Matcher stated = EXIT.matcher(c.comment() == null ? "" : c.comment());
        int expected = stated.find() ? Integer.parseInt(stated.group(1)) : ExitCodes.OK;
        if (r.exit() != expected) {
          problems.add(where + " exited " + r.exit() + ", not " + expected + ":\n" + tail(r.all()));
        }
        if (args.get().contains("--mask-emails") && EmailMask.containsEmail(r.all())) {
          problems.add(where + " printed an email address despite --mask-emails");
        }
        write(workspace, c.out(), r.out() + (c.errToOut() ? r.err() : ""));
        write(workspace, c.err(), r.err());
      }
    }
  }

  /**
   * {@code flightplan CMD [-x ARG] [--option] ...} lines (continued on indented lines) in a block
   * that is not a script.
   */
  private static void usageLines(DocFiles.Block block, List<String> problems) {
    List<String> lines = block.text().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("flightplan ")) {
        continue;
      }
      StringBuilder usage = new StringBuilder(lines.get(i));
      while (i + 1 < lines.size() && lines.get(i + 1).matches("\\s+\\[.*")) {
        usage.append(' ').append(lines.get(++i).strip());
      }
      usage(
          block.file() + ":" + (block.line() + 1 + i) + ": `" + usage + "`",
          usage.toString(),
          problems);
    }
  }

  private static void usage(String where, String usage, List<String> problems) {
    String[] words = usage.split("[\\s\\[\\]|]+");
    String command = words.length > 1 && !words[1].startsWith("-") ? words[1] : null;
    CommandLine cmd =
        Main.commandLine(
            DocWorkspace.quiet(), command == null ? new String[0] : new String[] {command});
    CommandLine sub = command == null ? cmd : cmd.getSubcommands().get(command);
    if (sub == null) {
      problems.add(where + ": there is no command " + command);
      return;
    }
    Matcher m = OPTION.matcher(usage);
    while (m.find()) {
      if (sub.getCommandSpec().findOption(m.group(1)) == null) {
        problems.add(where + ": " + sub.getCommandName() + " has no option " + m.group(1));
      }
    }
  }

  private static void inline(DocFiles.Span span, List<String> problems) {
    String text = span.text();
    if (!text.startsWith("flightplan ") && !text.startsWith("java -jar ")) {
      return;
    }
    String where = span.file() + ":" + span.line() + ": `" + text + "`";
    if (text.contains("[")) {
      usage(where, text, problems);
      return;
    }
    List<ShellScript.Command> commands = ShellScript.parse(text, Map.of());
    DocWorkspace.flightplanArgs(commands.get(0).words())
        .map(args -> args.stream().filter(a -> !a.equals("...") && !a.equals("…")).toList())
        .filter(args -> !args.isEmpty())
        .ifPresent(args -> parses(where, args, problems));
  }

  private static void parses(String where, List<String> args, List<String> problems) {
    try {
      CommandLine.ParseResult parsed =
          Main.commandLine(DocWorkspace.quiet(), args.toArray(String[]::new))
              .parseArgs(args.toArray(String[]::new));
      if (!parsed.hasSubcommand()
          && !parsed.isVersionHelpRequested()
          && !parsed.isUsageHelpRequested()) {
        problems.add(where + ": runs no command");
      }
    } catch (CommandLine.ParameterException e) {
      problems.add(where + ": usage error: " + e.getMessage());
    }
  }

  @Test
  void theSkipListIsExactlyTheCommandsTheDocsShowThatCannotRun() {
    Set<String> shown = new HashSet<>();
    for (Path doc : DocFiles.markdown()) {
      for (DocFiles.Block block : DocFiles.blocks(doc)) {
        if (SHELL.contains(block.language())) {
          ShellScript.parse(block.text(), Map.of()).forEach(c -> shown.add(c.text()));
        }
      }
    }
    assertThat(shown)
        .as("entries of SKIPPED and PARSED_ONLY that no document shows any more")
        .containsAll(SKIPPED.keySet())
        .containsAll(PARSED_ONLY.keySet());
  }

  @Test
  void theReadmesEditOfAPulledFileShowsThePlanItPrints() throws IOException {
    String readme = DocFiles.read(Path.of("README.md"));
    Matcher said =
        Pattern.compile(
                "say `appleVision: true` for the group \"Friends & Family\"[^(]*\\(exit (\\d)\\)")
            .matcher(readme);
    assertThat(said.find()).as("the README's edit of a pulled file").isTrue();
    String shown =
        DocFiles.blocks(Path.of("README.md")).stream()
            .filter(b -> b.language().isEmpty() && b.text().contains("appleVision"))
            .findFirst()
            .orElseThrow()
            .text();

    assertThat(
            cli().run(sandbox, "apply", "-f", "examples/testflight.yaml", "--auto-approve").exit())
        .isZero();
    Path file = tmp.resolve("testflight.yaml");
    CliRunner.Result pull =
        cli().run(sandbox, "pull", "--app", "com.example.weather", "-o", file.toString());
    assertThat(pull.exit()).as(pull.all()).isZero();
    String pulled = Files.readString(file);
    int group = pulled.indexOf("- name: Friends & Family");
    int flag = pulled.indexOf("appleVision: false", group);
    assertThat(group).isPositive();
    Files.writeString(
        file,
        pulled.substring(0, flag)
            + "appleVision: true"
            + pulled.substring(flag + "appleVision: false".length()));

    CliRunner.Result plan =
        cli().run(sandbox, "plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.all()).isEqualTo(Integer.parseInt(said.group(1)));
    assertThat(plan.out()).contains(shown.stripTrailing());
  }

  @Test
  void thePlanJsonPageDescribesEveryKindAPlanHas() throws IOException {
    String page = DocFiles.read(Path.of("docs/plan-json.md"));
    CliRunner.Result plan =
        cli().run(sandbox, "plan", "-f", "examples/testflight.yaml", "--prune", "--format", "json");
    assertThat(plan.exit()).as(plan.all()).isZero();
    Set<String> types = new HashSet<>();
    new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(plan.out())
        .path("resource_changes")
        .forEach(rc -> types.add(rc.path("type").asText()));
    assertThat(types)
        .hasSizeGreaterThan(5)
        .allSatisfy(
            type ->
                assertThat(page)
                    .as("docs/plan-json.md describes the type %s", type)
                    .contains("| `" + type + "` |"));
  }

  private static int lineIn(String text, String command) {
    int at = text.indexOf(command);
    return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(ch -> ch == '\n').count();
  }

  private static void write(DocWorkspace workspace, String to, String text) throws IOException {
    if (to != null) {
      Path file = Path.of(workspace.path(to));
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    }
  }

  private static String tail(String output) {
    List<String> lines = output.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }
}
