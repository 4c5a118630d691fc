package dev.flightplan.engine;

import dev.flightplan.api.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A process that takes the apply lock of the directory it is given, says "locked", and holds it
 * until killed.
 */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    ApplyLock lock =
        ApplyLock.acquire(
            List.of(Path.of(args[0])),
            Duration.ZERO,
            Duration.ofSeconds(10),
            Clock.systemUTC(),
            Sleeper.system(),
            h -> {});
    System.out.println("locked " + ProcessHandle.current().pid());
    System.out.flush();
    synchronized (lock) {
      lock.wait(); // until killed
    }
  }

  /** Starts a JVM holding the lock of {@code dir}, once it holds it. */
  public static Process start(Path dir) throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                dir.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String line =
        new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
    if (line == null || !line.startsWith("locked ")) {
      p.destroyForcibly();
      throw new IllegalStateException("the lock holder did not take the lock: " + line);
    }
    return p;
  }
}
