package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps the state in a JSON file. Every save writes a temporary file in the same directory and moves it over the
 * old one atomically, so a crash or a concurrent reader never sees half a file.
 */
final class StateStore {
  private final Path file;
  private final ObjectMapper mapper;

  StateStore(Path file, ObjectMapper mapper) {
    this.file = file.toAbsolutePath();
    this.mapper = mapper;
  }

  boolean exists() {
    return Files.exists(file);
  }

  SandboxState load() throws IOException {
    try {
      return SandboxState.of(mapper.readValue(file.toFile(), SandboxState.Snapshot.class));
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot read the sandbox state " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the state; an I/O failure surfaces as an unchecked exception (the request then answers 500). */
  void save(SandboxState state) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      try {
        mapper.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), state.snapshot());
        try {
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sandbox state " + file, e);
    }
  }
}
