package dev.flightplan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.config.Sha256;
import dev.flightplan.plan.SavedPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hash a saved plan keeps of its file covers the tester lists the file includes, so a changed
 * list counts.
 */
class ConfigFileTest {
  private static final String YAML =
      """
      version: 1
      apps:
        - bundleId: com.example.weather
          groups: [{ name: QA, internal: true }]
          testers:
            - file: testers.csv
      """;

  @TempDir Path dir;

  @Test
  void withoutIncludedListsTheHashIsThatOfTheFilesBytes() throws IOException {
    Path file = dir.resolve("plain.yaml");
    Files.writeString(file, "version: 1\napps:\n  - bundleId: com.example.weather\n");
    SavedPlan.ConfigRef ref = ConfigFile.load(file).ref();
    assertThat(ref.sha256()).isEqualTo(Sha256.hex(Files.readAllBytes(file)));
    assertThat(ConfigFile.unchanged(ref)).isTrue();
  }

  @Test
  void theHashCoversTheIncludedListAndAChangeToItIsAChange() throws IOException {
    Path file = dir.resolve("testflight.yaml");
    Path csv = dir.resolve("testers.csv");
    Files.writeString(file, YAML);
    Files.writeString(csv, "email,groups\nalice@example.com,QA\n");
    ConfigFile loaded = ConfigFile.load(file);
    assertThat(loaded.result().state()).isPresent();
    SavedPlan.ConfigRef ref = loaded.ref();
    String listing =
        Sha256.hex(Files.readAllBytes(file))
            + "  "
            + file
            + "\n"
            + Sha256.hex(Files.readAllBytes(csv))
            + "  "
            + csv
            + "\n";
    assertThat(ref.sha256()).isEqualTo(Sha256.hex(listing.getBytes(StandardCharsets.UTF_8)));
    assertThat(ConfigFile.unchanged(ref)).isTrue();

    Files.writeString(csv, "email,groups\nalice@example.com,QA\nbob@example.com,QA\n");
    assertThat(ConfigFile.unchanged(ref))
        .as("the YAML's bytes are the same, its tester list is not")
        .isFalse();
    assertThat(ConfigFile.load(file).ref().sha256()).isNotEqualTo(ref.sha256());

    Files.delete(csv);
    assertThat(ConfigFile.unchanged(ref)).isFalse();
  }
}
