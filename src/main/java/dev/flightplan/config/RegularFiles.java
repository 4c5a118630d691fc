package dev.flightplan.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a file the user named, up to a size cap, and only a regular file: a directory, a named pipe
 * (whose opening waits for a writer that may never come), a device such as {@code /dev/zero} (which
 * never ends) or a socket is refused from its attributes, before it is opened; so is a file over
 * the cap, and one that grows past the cap while it is read.
 */
public final class RegularFiles {
  private RegularFiles() {}

  /**
   * A file that was not read, and why: {@link #getMessage()} is a reason such as "it is a
   * directory".
   */
  public static final class Refused extends IOException {
    public Refused(String reason) {
      super(reason);
    }
  }

  /**
   * Writes {@code text} to {@code file} through a temporary file beside it, so a reader never sees
   * half of it.
   */
  public static void write(Path file, String text) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(
          tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The bytes of {@code path} (symbolic links followed), at most {@code maxBytes} of them. */
  public static byte[] read(Path path, int maxBytes) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    if (!attributes.isRegularFile()) {
      throw new Refused(kind(path, attributes) + ", not a regular file");
    }
    if (attributes.size() > maxBytes) {
      throw new Refused(tooLarge(attributes.size(), maxBytes));
    }
    try (InputStream in = Files.newInputStream(path)) {
      byte[] bytes = in.readNBytes(maxBytes);
      if (in.read() != -1) {
        throw new Refused(
            "it grew past "
                + Limits.bytes(maxBytes)
                + " while it was read; flightplan reads at most that");
      }
      return bytes;
    }
  }

  /**
   * All of a stream that is not a file (standard input), at most {@code maxBytes}: more is refused
   * as soon as it arrives, without waiting for the end of a stream that may never end.
   */
  public static byte[] read(InputStream in, int maxBytes) throws IOException {
    byte[] bytes = in.readNBytes(maxBytes);
    if (bytes.length == maxBytes && in.read() != -1) {
      throw new Refused(
          "it is more than " + Limits.bytes(maxBytes) + "; flightplan reads at most that");
    }
    return bytes;
  }

  /** {@code bytes} as UTF-8 text; malformed UTF-8 is an error, never replaced. */
  public static String utf8(byte[] bytes) throws CharacterCodingException {
    if (ascii(bytes)) {
      // valid UTF-8 as it is, and one copy instead of a decoder's char buffer and its copy
      return new String(bytes, StandardCharsets.US_ASCII);
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static boolean ascii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** Why {@code e} kept a file from being read, worded to follow "cannot read FILE: ". */
  public static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "it is not UTF-8 text";
    }
    return e instanceof Refused ? e.getMessage() : String.valueOf(e.getMessage());
  }

  private static String tooLarge(long size, int maxBytes) {
    return String.format(
        java.util.Locale.ROOT,
        "it is %,d bytes; flightplan reads at most %s",
        size,
        Limits.bytes(maxBytes));
  }

  /** What a file that is not a regular one is, from its POSIX mode where the platform tells it. */
  private static String kind(Path path, BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "it is a directory";
    }
    try {
      int type = (Integer) Files.getAttribute(path, "unix:mode") & 0170000;
      switch (type) {
        case 0010000:
          return "it is a named pipe (FIFO)";
        case 0020000:
        case 0060000:
          return "it is a device";
        case 0140000:
          return "it is a socket";
        default:
          break;
      }
    } catch (IOException
        | UnsupportedOperationException
        | IllegalArgumentException
        | ClassCastException e) {
      // the "unix" view is missing on this platform: say what all such files have in common
    }
    return "it is a pipe, a device or a socket";
  }
}
