package dev.flightplan.cli;

import dev.flightplan.api.AscClient;
import dev.flightplan.api.ClientOptions;
import dev.flightplan.api.Credentials;
import dev.flightplan.api.CredentialsException;
import dev.flightplan.api.RetryPolicy;
import dev.flightplan.engine.Engine;
import dev.flightplan.engine.InvitationLogFile;
import dev.flightplan.sandbox.FaultSpec;
import dev.flightplan.sandbox.SandboxCredentials;
import dev.flightplan.sandbox.SandboxOptions;
import dev.flightplan.sandbox.SandboxServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * An open connection to App Store Connect: a client for the real API (or another endpoint given by
 * --api-url), or for the embedded sandbox started in-process, whose own key is then used so that
 * the whole auth path runs.
 */
final class Connection implements AutoCloseable {
  private final AscClient client;
  private final SandboxServer sandbox;

  private Connection(AscClient client, SandboxServer sandbox) {
    this.client = client;
    this.sandbox = sandbox;
  }

  static Connection open(ConnectionOptions options, Environment env)
      throws CredentialsException, IOException {
    java.util.function.Consumer<String> debug =
        options.debug
            ? line -> {
              env.err().println("debug: " + dev.flightplan.render.TerminalText.escape(line));
              env.err().flush();
            }
            : line -> {};
    if (options.sandboxFaults != null && !options.sandbox) {
      throw options.usage("--sandbox-faults needs --sandbox (a standalone sandbox takes --faults)");
    }
    if (options.sandbox) {
      FaultSpec faults;
      try {
        faults = FaultSpec.parse(options.sandboxFaults);
      } catch (IllegalArgumentException e) {
        throw options.usage("--sandbox-faults: " + e.getMessage());
      }
      SandboxServer server =
          SandboxServer.start(
              SandboxOptions.defaults()
                  .withStateFile(options.sandboxState.toAbsolutePath())
                  .withFaults(faults));
      if (faults.active()) {
        env.err()
            .println(
                "note: the sandbox injects faults: " + faults + " (the same spec replays them)");
        env.err().flush();
      }
      SandboxCredentials c = server.credentials();
      Credentials credentials = new Credentials(c.keyId(), c.issuerId(), c.privateKeyPem());
      return new Connection(
          AscClient.create(credentials, clientOptions(server.baseUri(), options, env, debug)),
          server);
    }
    URI base = options.apiUrl == null ? ClientOptions.APPLE : checkedUrl(options.apiUrl);
    Credentials credentials =
        Credentials.resolve(
            env.env(),
            options.keyId,
            options.issuerId,
            options.privateKeyPath == null ? null : options.privateKeyPath.toString(),
            warning -> {
              env.err().println("warning: " + warning);
              env.err().flush();
            });
    return new Connection(
        AscClient.create(credentials, clientOptions(base, options, env, debug)), null);
  }

  private static ClientOptions clientOptions(
      URI base,
      ConnectionOptions options,
      Environment env,
      java.util.function.Consumer<String> debug) {
    RetryPolicy defaults = RetryPolicy.defaults();
    return ClientOptions.defaults(base)
        .withDebugLog(debug)
        .withClock(env.clock())
        .withSleeper(env.sleeper())
        .withReadOnly(options.readOnly)
        .withRetry(
            new RetryPolicy(
                options.retries + 1, defaults.baseDelay(), defaults.maxDelay(), defaults.jitter()));
  }

  /** Tokens must not travel in clear text: plain http is accepted only for a loopback address. */
  static URI checkedUrl(String url) throws CredentialsException {
    URI uri;
    try {
      uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      throw new CredentialsException("--api-url is not a valid URL: " + url);
    }
    if (uri.getHost() == null || uri.getScheme() == null) {
      throw new CredentialsException(
          "--api-url must be an absolute URL such as https://api.appstoreconnect.apple.com, got: "
              + url);
    }
    if ("https".equals(uri.getScheme())) {
      return uri;
    }
    if ("http".equals(uri.getScheme()) && isLoopback(uri.getHost())) {
      return uri;
    }
    throw new CredentialsException(
        "--api-url must use https (plain http is accepted only for a loopback address such as 127.0.0.1), got: "
            + url);
  }

  private static boolean isLoopback(String host) {
    if ("localhost".equalsIgnoreCase(host)) {
      return true;
    }
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false; // never resolve names here: only literal addresses count
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  AscClient client() {
    return client;
  }

  /** The use cases over this connection, with the invitation log the options name. */
  static Engine engine(
      Connection conn, ConnectionOptions options, InvitationLogOptions log, Environment env) {
    // with --sandbox, TestFlight time is the embedded sandbox's (its admin clock): ages and dates
    // follow it
    java.time.Clock clock =
        conn.sandbox == null
            ? env.clock()
            : java.time.Clock.offset(env.clock(), conn.sandbox.admin().clockOffset());
    return new Engine(conn.client(), env.env(), options.parallelism)
        .withInvitationLog(new InvitationLogFile(log.file(options)), clock);
  }

  @Override
  public void close() {
    client.close();
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
