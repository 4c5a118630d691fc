package dev.flightplan.config;

import dev.flightplan.diag.SourcePos;
import java.util.Objects;

/**
 * A build chosen by app version and build number, or the newest usable build of a version ({@code
 * latest}: the most recently uploaded build that is processed and not expired). {@code platform} is
 * an App Store Connect platform (IOS, MAC_OS, TV_OS, VISION_OS; IOS when the file says nothing).
 * Exactly one of {@code number} and {@code latest} is given.
 */
public record BuildRef(
    String platform, String version, String number, boolean latest, SourcePos pos) {
  public BuildRef {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(version, "version");
    if ((number == null) != latest) {
      throw new IllegalArgumentException(
          "a build is chosen by number or by latest: true, not both or neither");
    }
  }

  /**
   * {@code 2.3 (45)}, {@code 2.3 (latest)}, with the platform when it is not iOS: {@code 2.3 (45,
   * MAC_OS)}.
   */
  public String label() {
    return version
        + " ("
        + (latest ? "latest" : number)
        + ("IOS".equals(platform) ? "" : ", " + platform)
        + ")";
  }
}
