package dev.flightplan.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Makes identifiers shaped like Apple's: UUIDs for groups and testers, short tokens for public
 * links and keys.
 */
final class Ids {
  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private final SecureRandom random;

  Ids(SecureRandom random) {
    this.random = random;
  }

  String uuid() {
    return UUID.randomUUID().toString();
  }

  /**
   * A UUID derived from a name, for seeded groups and testers: the same seed gives the same ids on
   * every start, so outputs that show ids stay comparable between runs.
   */
  static String stableUuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * An 8-character public link token derived from a name, for seeded groups: the link stays the
   * same on every start of the same seed.
   */
  static String stablePublicLinkId(String name) {
    byte[] hash;
    try {
      hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(name.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    StringBuilder sb = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      sb.append(ALNUM.charAt((hash[i] & 0xff) % ALNUM.length()));
    }
    return sb.toString();
  }

  /**
   * The last path segment of a TestFlight public link, e.g. {@code
   * https://testflight.apple.com/join/AbCd1234}.
   */
  String publicLinkId() {
    return token(ALNUM, 8);
  }

  /** An API key id: ten upper-case letters and digits, like {@code 2X9R4HXF34}. */
  String keyId() {
    return token(UPPER_ALNUM, 10);
  }

  private String token(String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
