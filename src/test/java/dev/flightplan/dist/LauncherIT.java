package dev.flightplan.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/flightplan's class-data-sharing archive: made by the first run, mapped by the next ones, made
 * again for a newer jar, and never in the way: no cache, or the archive turned off, and the command
 * runs all the same, printing exactly what it prints otherwise.
 */
@IntegrationTest
class LauncherIT {
  private static final String MAPPED = "dev.flightplan.cli.Main source: shared objects file (top)";

  @Test
  void theFirstRunMakesTheArchiveAndTheNextRunsMapIt(@TempDir Path tmp) throws Exception {
    Path cache = tmp.resolve("cache");
    Processes.Run first =
        flightplan(Path.of("."), Map.of("FLIGHTPLAN_CACHE_DIR", cache.toString()), "--version");
    assertThat(first.exit()).as(first.all()).isZero();
    assertThat(first.err()).isEmpty();
    // the archive of the commands that read only local files
    assertThat(archives(cache)).singleElement().asString().endsWith("-local.jsa");

    Processes.Run second =
        flightplan(
            Path.of("."),
            Map.of(
                "FLIGHTPLAN_CACHE_DIR",
                cache.toString(),
                "FLIGHTPLAN_JAVA_OPTS",
                "-Xlog:class+load=info:file=" + tmp.resolve("classes.log")),
            "--version");
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(Files.readString(tmp.resolve("classes.log"))).contains(MAPPED);
    // the training covered validate: its classes come from the archive too
    Processes.Run validate =
        flightplan(
            Path.of("."),
            Map.of(
                "FLIGHTPLAN_CACHE_DIR",
                cache.toString(),
                "FLIGHTPLAN_JAVA_OPTS",
                "-Xlog:class+load=info:file=" + tmp.resolve("validate.log")),
            "validate",
            "-f",
            "examples/testflight.yaml");
    assertThat(validate.exit()).as(validate.all()).isZero();
    assertThat(Files.readString(tmp.resolve("validate.log")))
        .contains("dev.flightplan.config.ConfigLoader source: shared objects file (top)")
        .contains("com.networknt.schema.JsonSchemaFactory source: shared objects file (top)");

    // plan gets the other archive, trained on plan against a sandbox as well
    Processes.Run plan =
        flightplan(
            Path.of("."),
            Map.of(
                "FLIGHTPLAN_CACHE_DIR",
                cache.toString(),
                "FLIGHTPLAN_JAVA_OPTS",
                "-Xlog:class+load=info:file=" + tmp.resolve("plan.log")),
            "plan",
            "--sandbox",
            "--sandbox-state",
            tmp.resolve("sandbox.json").toString(),
            "-f",
            "examples/testflight.yaml");
    assertThat(plan.exit()).as(plan.all()).isZero();
    assertThat(archives(cache).stream().map(p -> p.getFileName().toString()))
        .hasSize(2)
        .anyMatch(n -> n.endsWith("-full.jsa"));
    assertThat(Files.readString(tmp.resolve("plan.log")))
        .contains("dev.flightplan.engine.Engine source: shared objects file (top)")
        .doesNotContain("dev.flightplan.engine.Engine source: jar:");
    assertThat(
            Files.size(
                archives(cache).stream()
                    .filter(p -> p.toString().endsWith("-local.jsa"))
                    .findFirst()
                    .orElseThrow()))
        .as("the local archive is the smaller")
        .isLessThan(
            Files.size(
                archives(cache).stream()
                    .filter(p -> p.toString().endsWith("-full.jsa"))
                    .findFirst()
                    .orElseThrow()));
  }

  @Test
  void aNewerJarGetsANewArchive(@TempDir Path tmp) throws Exception {
    Path copy = copyOfDistribution(tmp.resolve("flightplan"));
    Map<String, String> env = Map.of("FLIGHTPLAN_CACHE_DIR", tmp.resolve("cache").toString());
    assertThat(flightplan(copy, env, "--version").exit()).isZero();
    Path archive = archives(tmp.resolve("cache")).get(0);
    Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(3600)));
    Files.setLastModifiedTime(
        copy.resolve("lib/flightplan.jar"), FileTime.from(Instant.now().minusSeconds(60)));

    assertThat(flightplan(copy, env, "--version").exit()).isZero();
    assertThat(archives(tmp.resolve("cache"))).containsExactly(archive);
    assertThat(Files.getLastModifiedTime(archive).toInstant())
        .isAfter(Instant.now().minusSeconds(60));
  }

  @Test
  void withoutAWritableCacheOrWithTheArchiveOffTheCommandRunsAllTheSame(@TempDir Path tmp)
      throws Exception {
    Processes.Run usual =
        flightplan(
            Path.of("."),
            Map.of("FLIGHTPLAN_CACHE_DIR", tmp.resolve("cache").toString()),
            "--version");
    Processes.Run noCache =
        flightplan(
            Path.of("."), Map.of("FLIGHTPLAN_CACHE_DIR", "/dev/null/flightplan"), "--version");
    assertThat(noCache.exit()).isZero();
    assertThat(noCache.out()).isEqualTo(usual.out());
    assertThat(noCache.err()).isEmpty();

    Path off = tmp.resolve("off");
    Processes.Run disabled =
        flightplan(
            Path.of("."),
            Map.of("FLIGHTPLAN_CACHE_DIR", off.toString(), "FLIGHTPLAN_CDS", "0"),
            "--version");
    assertThat(disabled.out()).isEqualTo(usual.out());
    assertThat(off).doesNotExist();
  }

  @Test
  void aJavaOlderThan17IsRefusedWithASentence(@TempDir Path tmp) throws Exception {
    Path java = Files.createDirectories(tmp.resolve("jdk11/bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\necho 'this Java should not be started' >&2\nexit 3\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(tmp.resolve("jdk11/release"), "JAVA_VERSION=\"11.0.2\"\n");
    Processes.Run r =
        flightplan(Path.of("."), Map.of("JAVA_HOME", tmp.resolve("jdk11").toString()), "--version");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("needs Java 17 or later")
        .contains("Java 11.0.2")
        .doesNotContain("should not be started");
  }

  private static Processes.Run flightplan(Path dist, Map<String, String> env, String... args)
      throws Exception {
    Path launcher =
        (dist.equals(Path.of(".")) ? Processes.distribution() : dist)
            .resolve("bin/flightplan")
            .toAbsolutePath();
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
    List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    return Processes.run(Path.of("."), all, command);
  }

  private static Path copyOfDistribution(Path to) throws IOException {
    return dev.flightplan.testing.TestFiles.copyTree(
        Processes.distribution(), to, StandardCopyOption.COPY_ATTRIBUTES);
  }

  private static List<Path> archives(Path cache) throws IOException {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (Stream<Path> all = Files.list(cache)) {
      return all.filter(p -> p.toString().endsWith(".jsa")).toList();
    }
  }
}
