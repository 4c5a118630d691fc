package dev.flightplan.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.config.Limits;
import dev.flightplan.config.RegularFiles;
import dev.flightplan.state.InvitationLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The invitation log on disk (state.InvitationLog), read only for files that set {@code
 * invitations.resendAfterDays}: a small JSON document, rewritten whole through a temporary file so
 * that a reader never sees half of it. A missing file is an empty log. A file that is not a log is
 * an error before any API call, telling how to start over.
 *
 * <pre>{@code
 * { "format": 1,
 *   "about": "...",
 *   "apps": { "com.example.app": { "<tester id>": { "sent": "2026-11-20T10:00:00Z" }, "<tester id>": { "seen": "..." } } } }
 * }</pre>
 */
public final class InvitationLogFile {
  static final int FORMAT = 1;
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final String ABOUT =
      "flightplan's invitation log, for invitations.resendAfterDays: when it last sent (or"
          + " first saw) each waiting tester's TestFlight invitation, by App Store Connect tester id. Keep it between runs"
          + " (commit it, or cache it in CI); losing it only delays re-sends by one interval.";

  private final Path path;

  public InvitationLogFile(Path path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  public Path path() {
    return path;
  }

  /**
   * The log, empty when the file does not exist. Only a regular file of at most {@link
   * Limits#MAX_FILE_BYTES} is read: a named pipe or a device is refused before it is opened.
   */
  public InvitationLog read() {
    String text;
    try {
      text = RegularFiles.utf8(RegularFiles.read(path, Limits.MAX_FILE_BYTES));
    } catch (NoSuchFileException e) {
      return InvitationLog.EMPTY;
    } catch (IOException e) {
      throw new UncheckedIOException(
          new IOException(
              "cannot read the invitation log " + path + ": " + RegularFiles.reason(e), e));
    }
    try {
      return parse(MAPPER.readTree(text));
    } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
      String why =
          e instanceof JsonProcessingException j
              ? "not valid JSON (" + j.getOriginalMessage() + ")"
              : e.getMessage();
      throw new UncheckedIOException(
          new IOException(
              "the invitation log "
                  + path
                  + " is not one flightplan can read: "
                  + why
                  + "; fix it, or delete it to start over (testers still INVITED are then re-invited one interval after the next"
                  + " apply)",
              e));
    }
  }

  /** Replaces the file with {@code log}, atomically. */
  public void write(InvitationLog log) {
    ObjectNode doc = MAPPER.createObjectNode();
    doc.put("format", FORMAT);
    doc.put("about", ABOUT);
    ObjectNode apps = doc.putObject("apps");
    log.apps()
        .forEach(
            (app, entries) -> {
              ObjectNode byTester = apps.putObject(app);
              entries.forEach(
                  (id, e) ->
                      byTester.putObject(id).put(e.sent() ? "sent" : "seen", e.at().toString()));
            });
    try {
      RegularFiles.write(path, MAPPER.writeValueAsString(doc) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(
          new IOException("cannot write the invitation log " + path + ": " + e.getMessage(), e));
    }
  }

  static InvitationLog parse(JsonNode doc) {
    if (!doc.isObject() || doc.path("format").asInt(-1) != FORMAT) {
      throw new IllegalArgumentException("expected an object with \"format\": " + FORMAT);
    }
    JsonNode apps = doc.path("apps");
    if (!apps.isObject()) {
      throw new IllegalArgumentException("\"apps\" must be an object");
    }
    SortedMap<String, SortedMap<String, InvitationLog.Entry>> out = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = apps.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> app = it.next();
      SortedMap<String, InvitationLog.Entry> entries = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> t = app.getValue().fields(); t.hasNext(); ) {
        Map.Entry<String, JsonNode> tester = t.next();
        JsonNode e = tester.getValue();
        boolean sent = e.has("sent");
        JsonNode at = sent ? e.get("sent") : e.get("seen");
        if (at == null || !at.isTextual()) {
          throw new IllegalArgumentException(
              "the entry of tester "
                  + tester.getKey()
                  + " of "
                  + app.getKey()
                  + " needs \"sent\" or \"seen\" with a time such as 2026-11-20T10:00:00Z");
        }
        entries.put(tester.getKey(), new InvitationLog.Entry(Instant.parse(at.asText()), sent));
      }
      out.put(app.getKey(), entries);
    }
    return new InvitationLog(out);
  }
}
