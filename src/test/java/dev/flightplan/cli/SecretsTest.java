package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.sandbox.Exchange;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret leaks: the kinds of CLI invocations the suite makes (validate; plan as text, JSON and
 * Markdown; saved plans; apply of a file and of a saved plan; --debug with retries and read-backs;
 * failures: a 422, a stale plan, a 401, a malformed key; the embedded sandbox with faults) run with
 * a known private key, the JWTs the sandbox saw and the demo password, and every output, debug log,
 * plan file and the sandbox's request log is searched for them: zero occurrences. Excepted: the
 * Authorization header itself, and the request that sets the password. Responses are searched for
 * the key and tokens only: App Store Connect returns the demo password it holds, by design.
 */
@IntegrationTest
class SecretsTest extends SandboxTest {
  @TempDir Path tmp;

  @Override
  protected boolean checkEachShapeOnce() {
    return true;
  }

  @Test
  void noKeyTokenOrPasswordAppearsInAnyOutputPlanFileOrRequest() throws IOException {
    String password = Files.readString(Path.of("examples/demo-password.txt")).strip();
    Path file = tmp.resolve("testflight.yaml");
    Files.copy(Path.of("examples/testflight.yaml"), file);
    Files.copy(Path.of("examples/demo-password.txt"), tmp.resolve("demo-password.txt"));
    Path keyFile = tmp.resolve("AuthKey.p8");
    Files.writeString(keyFile, sandbox.credentials().privateKeyPem());
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    Map<String, String> texts = new LinkedHashMap<>();
    String f = file.toString();
    Path plan1 = tmp.resolve("plan1.json");
    Path plan2 = tmp.resolve("plan2.json");

    run(texts, "validate", cli().run("validate", "-f", f));
    run(texts, "plan text", cli().run(sandbox, "plan", "-f", f, "--debug"));
    run(texts, "plan json", cli().run(sandbox, "plan", "-f", f, "--format", "json"));
    run(
        texts,
        "plan markdown",
        cli().run(sandbox, "plan", "-f", f, "--format", "markdown", "--show-emails"));
    run(
        texts,
        "plan -o",
        cli().run(sandbox, "plan", "-f", f, "-o", plan1.toString(), "--format", "markdown"));
    // the saved plan, with its answers lost here and there: retries and read-backs in the debug log
    sandbox.failNext("POST /v1/betaGroups", "5xx-after");
    sandbox.failNext("PATCH /v1/betaAppReviewDetails/{id}", "reset");
    sandbox.failNext("POST /v1/betaTesters", "reset-after");
    run(
        texts,
        "apply saved plan --debug",
        cli().sleeper(d -> {}).run(sandbox, "apply", plan1.toString(), "--debug"));
    run(texts, "apply stale saved plan", cli().run(sandbox, "apply", plan1.toString()));
    // a change of the password's file: the new value is sent, never shown
    Files.writeString(tmp.resolve("demo-password.txt"), password + "-2\n");
    run(
        texts,
        "plan -o after a password change",
        cli().run(sandbox, "plan", "-f", f, "-o", plan2.toString(), "--format", "json"));
    sandbox.failNext("PATCH /v1/betaAppReviewDetails/{id}", "5xx-after");
    run(
        texts,
        "apply file --debug",
        cli()
            .sleeper(d -> {})
            .run(
                sandbox,
                "apply",
                "-f",
                f,
                "--auto-approve",
                "--debug",
                "--private-key-path",
                keyFile.toString()));
    // failures
    String broken =
        Files.readString(file)
            .replace(
                "      - name: Friends & Family\n",
                "      - name: Leads\n        internal: true\n        testers: [zed@example.com]\n\n      - name: Friends & Family\n");
    Files.writeString(file, broken);
    run(
        texts,
        "apply failing with 422 --debug",
        cli().run(sandbox, "apply", "-f", f, "--auto-approve", "--debug"));
    run(
        texts,
        "wrong key id --debug",
        cli().env("ASC_KEY_ID", "WRONGKEY42").run(sandbox, "plan", "-f", f, "--debug"));
    Path badKey = tmp.resolve("Bad.p8");
    Files.writeString(badKey, sandbox.credentials().privateKeyPem().replace("M", "N"));
    run(
        texts,
        "malformed key --debug",
        cli().run(sandbox, "plan", "-f", f, "--debug", "--private-key-path", badKey.toString()));
    run(
        texts,
        "read-only apply",
        cli().run(sandbox, "apply", "-f", f, "--auto-approve", "--read-only"));
    // the embedded sandbox, with faults
    Path state = tmp.resolve("embedded/sandbox.json");
    run(
        texts,
        "embedded apply with faults --debug",
        CliRunner.plain()
            .sleeper(d -> {})
            .run(
                "apply",
                "--sandbox",
                "--sandbox-state",
                state.toString(),
                "--sandbox-faults",
                "seed=3,5xx=0.1,reset=0.05,revoke=once",
                "-f",
                f,
                "--auto-approve",
                "--debug",
                "--retries",
                "9"));

    texts.put("plan1.json", Files.readString(plan1));
    texts.put("plan2.json", Files.readString(plan2));
    Set<String> secrets = new LinkedHashSet<>();
    secrets.add(password);
    secrets.add(password + "-2");
    secrets.addAll(keyLines(sandbox.credentials().privateKeyPem()));
    Path embeddedKey =
        Files.list(state.getParent())
            .filter(p -> p.toString().endsWith(".p8"))
            .findFirst()
            .orElseThrow();
    secrets.addAll(keyLines(Files.readString(embeddedKey)));
    List<Exchange> exchanges = recorder.exchanges();
    Set<String> tokens = new LinkedHashSet<>();
    for (Exchange e : exchanges) {
      for (String auth : e.requestHeaders().getOrDefault("Authorization", List.of())) {
        String token = auth.substring("Bearer ".length());
        tokens.add(token);
        tokens.add(token.substring(token.lastIndexOf('.') + 1));
      }
    }
    assertThat(tokens)
        .as("tokens captured from the sandbox's request log")
        .hasSizeGreaterThanOrEqualTo(4);

    List<String> leaks = new ArrayList<>();
    for (Map.Entry<String, String> text : texts.entrySet()) {
      Stream.concat(secrets.stream(), tokens.stream())
          .filter(s -> text.getValue().contains(s))
          .forEach(s -> leaks.add(text.getKey() + " holds " + describe(s, password)));
    }
    for (Exchange e : exchanges) {
      String where = e.method() + " " + e.path() + " -> " + e.status();
      StringBuilder request = new StringBuilder(e.path()).append('?').append(e.rawQuery());
      e.requestHeaders()
          .forEach(
              (name, values) -> {
                if (!name.equalsIgnoreCase("Authorization")) {
                  request.append(name).append(values);
                }
              });
      boolean setsPassword =
          e.method().equals("PATCH")
              && e.path().startsWith("/v1/betaAppReviewDetails/")
              && e.requestBody() != null
              && e.requestBody().contains("demoAccountPassword");
      if (e.requestBody() != null && !setsPassword) {
        request.append(e.requestBody());
      }
      String response = e.responseHeaders() + String.valueOf(e.responseBody());
      Stream.concat(secrets.stream(), tokens.stream())
          .filter(s -> request.toString().contains(s))
          .forEach(s -> leaks.add("request " + where + " holds " + describe(s, password)));
      Stream.concat(secrets.stream().filter(s -> !s.startsWith(password)), tokens.stream())
          .filter(response::contains)
          .forEach(s -> leaks.add("response " + where + " holds " + describe(s, password)));
    }
    assertThat(leaks)
        .as("secrets found in %d outputs and %d exchanges", texts.size(), exchanges.size())
        .isEmpty();
    assertThat(texts.get("apply saved plan --debug"))
        .contains("debug: read back POST /v1/betaGroups")
        .contains("debug: retry PATCH /v1/betaAppReviewDetails/");
    assertThat(texts.get("apply file --debug"))
        .contains("debug: retry PATCH /v1/betaAppReviewDetails/");
  }

  private static void run(Map<String, String> texts, String name, CliRunner.Result result) {
    texts.put(name, result.out() + "\n" + result.err());
  }

  /** Each base64 line of a PEM key: a leak of any part of the key shows as one of them. */
  private static List<String> keyLines(String pem) {
    return pem.lines().filter(l -> !l.startsWith("-----") && l.length() >= 16).toList();
  }

  private static String describe(String secret, String password) {
    return secret.startsWith(password)
        ? "the demo password"
        : secret.startsWith("eyJ") || secret.length() > 60 && !secret.contains("/")
            ? "a token or key (" + secret.substring(0, 8) + "…)"
            : "part of a secret (" + secret.substring(0, 6) + "…)";
  }
}
