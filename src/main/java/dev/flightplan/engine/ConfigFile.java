package dev.flightplan.engine;

import dev.flightplan.config.ConfigLoader;
import dev.flightplan.config.LoadResult;
import dev.flightplan.plan.SavedPlan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A desired-state file read once: the load result (state or diagnostics) and the reference a saved plan records,
 * the path as given and the SHA-256 of exactly the bytes that were loaded.
 */
public record ConfigFile(LoadResult result, SavedPlan.ConfigRef ref) {
  public static ConfigFile load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      // the loader words every way a file cannot be read
      return new ConfigFile(ConfigLoader.load(file), new SavedPlan.ConfigRef(file.toString(), ""));
    }
    SavedPlan.ConfigRef ref = new SavedPlan.ConfigRef(file.toString(), sha256(bytes));
    try {
      String text =
          StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return new ConfigFile(ConfigLoader.parse(file.toString(), text), ref);
    } catch (CharacterCodingException e) {
      return new ConfigFile(ConfigLoader.load(file), ref);
    }
  }

  /** Whether {@code ref}'s file is still where it was, with the same bytes. */
  public static boolean unchanged(SavedPlan.ConfigRef ref) {
    try {
      return sha256(Files.readAllBytes(Path.of(ref.path()))).equals(ref.sha256());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
