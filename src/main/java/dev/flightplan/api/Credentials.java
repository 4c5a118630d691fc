package dev.flightplan.api;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An App Store Connect team API key: key ID, issuer ID and the PKCS#8 PEM of the private key. The
 * key is never printed: {@link #toString()} masks it and no message of this package quotes it.
 */
public record Credentials(String keyId, String issuerId, String privateKeyPem) {
  public static final String ENV_KEY_ID = "ASC_KEY_ID";
  public static final String ENV_ISSUER_ID = "ASC_ISSUER_ID";
  public static final String ENV_PRIVATE_KEY = "ASC_PRIVATE_KEY";
  public static final String ENV_PRIVATE_KEY_PATH = "ASC_PRIVATE_KEY_PATH";

  /** The flag names the messages mention; the CLI is expected to use the same. */
  public static final String FLAG_KEY_ID = "--key-id";

  public static final String FLAG_ISSUER_ID = "--issuer-id";
  public static final String FLAG_PRIVATE_KEY_PATH = "--private-key-path";

  private static final long MAX_KEY_FILE_BYTES = 64 * 1024;

  public Credentials {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(issuerId, "issuerId");
    Objects.requireNonNull(privateKeyPem, "privateKeyPem");
  }

  /**
   * Resolves credentials: each flag (nullable) overrides its variable. The key comes from the
   * key-path flag, else from {@code ASC_PRIVATE_KEY} (PEM text) or {@code ASC_PRIVATE_KEY_PATH} (a
   * .p8 file), not both. The key is parsed here, so a bad key fails now, with a message, rather
   * than at the first request.
   *
   * @throws CredentialsException naming every missing variable, or what is wrong with the key
   */
  public static Credentials resolve(
      Map<String, String> env, String keyIdFlag, String issuerIdFlag, String privateKeyPathFlag)
      throws CredentialsException {
    return resolve(env, keyIdFlag, issuerIdFlag, privateKeyPathFlag, warning -> {});
  }

  /**
   * As {@link #resolve(Map, String, String, String)}, telling {@code warnings} about a key file
   * that other users of the machine can read (the key is used all the same: CI runners often write
   * secrets with such modes).
   */
  public static Credentials resolve(
      Map<String, String> env,
      String keyIdFlag,
      String issuerIdFlag,
      String privateKeyPathFlag,
      Consumer<String> warnings)
      throws CredentialsException {
    String keyId = firstNonBlank(keyIdFlag, env.get(ENV_KEY_ID));
    String issuerId = firstNonBlank(issuerIdFlag, env.get(ENV_ISSUER_ID));
    String pathFlag = firstNonBlank(privateKeyPathFlag, null);
    String keyText = firstNonBlank(env.get(ENV_PRIVATE_KEY), null);
    String keyPath = firstNonBlank(env.get(ENV_PRIVATE_KEY_PATH), null);

    List<String> missing = new ArrayList<>();
    if (keyId == null) {
      missing.add(ENV_KEY_ID + " (or " + FLAG_KEY_ID + ")");
    }
    if (issuerId == null) {
      missing.add(ENV_ISSUER_ID + " (or " + FLAG_ISSUER_ID + ")");
    }
    if (pathFlag == null && keyText == null && keyPath == null) {
      missing.add(
          ENV_PRIVATE_KEY + " or " + ENV_PRIVATE_KEY_PATH + " (or " + FLAG_PRIVATE_KEY_PATH + ")");
    }
    if (!missing.isEmpty()) {
      throw new CredentialsException(
          "missing App Store Connect credentials: set " + String.join(", ", missing));
    }
    if (pathFlag == null && keyText != null && keyPath != null) {
      throw new CredentialsException(
          "both " + ENV_PRIVATE_KEY + " and " + ENV_PRIVATE_KEY_PATH + " are set; set only one");
    }

    ECPrivateKey key;
    if (pathFlag != null) {
      key = readKeyFile(pathFlag, FLAG_PRIVATE_KEY_PATH, env, warnings);
    } else if (keyPath != null) {
      key = readKeyFile(keyPath, ENV_PRIVATE_KEY_PATH, env, warnings);
    } else {
      try {
        key = PrivateKeys.parse(keyText);
      } catch (IllegalArgumentException e) {
        throw new CredentialsException(
            ENV_PRIVATE_KEY + " " + PrivateKeys.NOT_P8 + ": " + e.getMessage());
      }
    }
    return new Credentials(keyId, issuerId, PrivateKeys.toPem(key));
  }

  /**
   * The parsed private key; IllegalArgumentException (without key material) when the PEM is not a
   * .p8.
   */
  ECPrivateKey privateKey() {
    try {
      return PrivateKeys.parse(privateKeyPem);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the private key " + PrivateKeys.NOT_P8 + ": " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "Credentials[keyId=" + keyId + ", issuerId=" + issuerId + ", privateKeyPem=<redacted>]";
  }

  private static ECPrivateKey readKeyFile(
      String pathText, String from, Map<String, String> env, Consumer<String> warnings)
      throws CredentialsException {
    Path path;
    try {
      path = Path.of(expandHome(pathText, env));
    } catch (InvalidPathException e) {
      throw new CredentialsException(
          "the key file path given by " + from + " is not a valid path: " + pathText);
    }
    String where = "the key file " + path + " (from " + from + ")";
    byte[] bytes;
    try {
      // judged from its attributes before it is opened: opening a named pipe waits for a writer,
      // /dev/zero never ends
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (attributes.isDirectory()) {
        throw new CredentialsException(where + " is a directory, not a .p8 file");
      }
      if (!attributes.isRegularFile()) {
        throw new CredentialsException(
            where
                + " is not a regular file (it is a pipe, a device or a socket); give the"
                + " .p8 file itself");
      }
      if (attributes.size() > MAX_KEY_FILE_BYTES) {
        throw new CredentialsException(where + " " + PrivateKeys.NOT_P8 + ": it is far too large");
      }
      try (java.io.InputStream in = Files.newInputStream(path)) {
        bytes = in.readNBytes((int) MAX_KEY_FILE_BYTES + 1);
      }
      if (bytes.length > MAX_KEY_FILE_BYTES) {
        throw new CredentialsException(where + " " + PrivateKeys.NOT_P8 + ": it is far too large");
      }
    } catch (NoSuchFileException e) {
      throw new CredentialsException(where + " does not exist");
    } catch (AccessDeniedException e) {
      throw new CredentialsException(where + " is not readable (permission denied)");
    } catch (IOException e) {
      throw new CredentialsException(where + " is not readable: " + e.getClass().getSimpleName());
    }
    ECPrivateKey key;
    try {
      key = PrivateKeys.parse(bytes);
    } catch (IllegalArgumentException e) {
      throw new CredentialsException(where + " " + PrivateKeys.NOT_P8 + ": " + e.getMessage());
    }
    tooOpen(path)
        .ifPresent(
            mode ->
                warnings.accept(
                    where
                        + " can be read by other users of this machine (mode "
                        + mode
                        + "); restrict it with chmod 600 "
                        + path.getFileName()));
    return key;
  }

  /**
   * The file's POSIX mode when its group or others may read or write it; empty elsewhere or when
   * unknown.
   */
  static java.util.Optional<String> tooOpen(Path path) {
    try {
      java.util.Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
      boolean open =
          perms.contains(PosixFilePermission.GROUP_READ)
              || perms.contains(PosixFilePermission.GROUP_WRITE)
              || perms.contains(PosixFilePermission.OTHERS_READ)
              || perms.contains(PosixFilePermission.OTHERS_WRITE);
      return open
          ? java.util.Optional.of(PosixFilePermissions.toString(perms))
          : java.util.Optional.empty();
    } catch (IOException | UnsupportedOperationException e) {
      return java.util.Optional.empty();
    }
  }

  private static String expandHome(String path, Map<String, String> env) {
    if (path.equals("~") || path.startsWith("~/")) {
      String home = firstNonBlank(env.get("HOME"), System.getProperty("user.home"));
      return home + path.substring(1);
    }
    return path;
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a.strip();
    }
    return b != null && !b.isBlank() ? b.strip() : null;
  }
}
