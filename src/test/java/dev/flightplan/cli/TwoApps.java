package dev.flightplan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A config file with two of the demo seed's apps, for the tests of {@code --app}:
 * com.example.weather with the internal group QA (alice, bob), and com.example.notes with the
 * internal group Notes Team (erin) and the external group Notes Beta (nina).
 */
final class TwoApps {
  static final String YAML =
      """
      version: 1
      apps:
        - bundleId: com.example.weather
          groups:
            - name: QA
              internal: true
              testers: [alice@example.com, bob@example.com]
        - bundleId: com.example.notes
          groups:
            - name: Notes Team
              internal: true
              testers: [erin@example.com]
            - name: Notes Beta
              testers: [nina@example.com]
      """;

  private TwoApps() {}

  /** Writes the file to {@code path} and returns the path. */
  static Path write(Path path) throws IOException {
    Files.writeString(path, YAML);
    return path;
  }
}
