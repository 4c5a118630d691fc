package dev.flightplan.cli;

import dev.flightplan.sandbox.SandboxCredentials;
import dev.flightplan.sandbox.SandboxServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the real CLI in-process with captured output, as a user at a shell (or a CI job) would. */
final class CliRunner {
  record Result(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private final Map<String, String> env = new HashMap<>();
  private boolean terminal;
  private byte[] stdin = new byte[0];
  private java.time.Clock clock = java.time.Clock.systemUTC();
  private dev.flightplan.api.Sleeper sleeper = dev.flightplan.api.Sleeper.system();

  /** Credentials of the sandbox in the environment, as a user exporting ASC_* would have them. */
  static CliRunner against(SandboxServer sandbox) {
    CliRunner r = new CliRunner();
    SandboxCredentials c = sandbox.credentials();
    r.env.put("ASC_KEY_ID", c.keyId());
    r.env.put("ASC_ISSUER_ID", c.issuerId());
    r.env.put("ASC_PRIVATE_KEY", c.privateKeyPem());
    return r;
  }

  static CliRunner plain() {
    return new CliRunner();
  }

  CliRunner env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /**
   * Waits (retries, read-backs, the verification after apply) go to {@code sleeper} instead of
   * sleeping.
   */
  CliRunner sleeper(dev.flightplan.api.Sleeper sleeper) {
    this.sleeper = sleeper;
    return this;
  }

  /** The clock the client mints tokens with (share it with the sandbox's). */
  CliRunner clock(java.time.Clock clock) {
    this.clock = clock;
    return this;
  }

  CliRunner terminal(String stdin) {
    this.terminal = true;
    this.stdin = stdin.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /** Standard input, not a terminal: a pipe or a file ({@code cmd < file}, {@code -f -}). */
  CliRunner stdin(byte[] bytes) {
    this.stdin = bytes.clone();
    return this;
  }

  CliRunner stdin(String text) {
    return stdin(text.getBytes(StandardCharsets.UTF_8));
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Environment environment =
        new Environment(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            env,
            new ByteArrayInputStream(stdin),
            terminal,
            clock,
            sleeper);
    int exit = new Main(environment).run(args);
    return new Result(exit, out.toString(), err.toString());
  }

  /**
   * Runs with {@code --api-url} pointing at the sandbox (and the invitation log given, unless the
   * command gives one).
   */
  Result run(SandboxServer sandbox, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--api-url");
    all.add(sandbox.baseUri().toString());
    boolean usesLog = !all.isEmpty() && (all.get(0).equals("plan") || all.get(0).equals("apply"));
    if (usesLog && !all.contains("--invitation-log")) {
      all.add("--invitation-log");
      all.add(invitationLog().toString());
    }
    return run(all.toArray(String[]::new));
  }

  private java.nio.file.Path invitationLog;

  private java.nio.file.Path invitationLog() {
    if (invitationLog == null) {
      try {
        invitationLog =
            java.nio.file.Files.createTempDirectory("flightplan-log").resolve("invitations.json");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return invitationLog;
  }

  /**
   * Where {@link #run(SandboxServer, String...)} keeps the invitation log (by default a file of its
   * own, never in the working directory).
   */
  CliRunner invitationLog(java.nio.file.Path file) {
    this.invitationLog = file;
    return this;
  }
}
