package dev.flightplan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.state.InvitationLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invitation log on disk: a missing file is empty, what is written reads back, anything else is
 * a clear error.
 */
class InvitationLogFileTest {
  @TempDir Path tmp;

  @Test
  void aMissingFileIsAnEmptyLogAndWhatIsWrittenReadsBack() throws IOException {
    InvitationLogFile file = new InvitationLogFile(tmp.resolve("sub/invitations.json"));
    assertThat(file.read()).isEqualTo(InvitationLog.EMPTY);
    SortedMap<String, InvitationLog.Entry> entries = new TreeMap<>();
    entries.put("t1", new InvitationLog.Entry(Instant.parse("2026-11-20T10:00:00Z"), true));
    entries.put("t2", new InvitationLog.Entry(Instant.parse("2026-11-21T08:30:00Z"), false));
    InvitationLog log = new InvitationLog(new TreeMap<>(Map.of("com.example.app", entries)));
    file.write(log);
    assertThat(file.read()).isEqualTo(log);
    assertThat(Files.readString(file.path()))
        .contains("\"format\" : 1")
        .contains("\"sent\" : \"2026-11-20T10:00:00Z\"")
        .contains("\"seen\" : \"2026-11-21T08:30:00Z\"");
    try (var listing = Files.list(file.path().getParent())) {
      assertThat(listing).as("no temporary file left behind").containsExactly(file.path());
    }
  }

  @Test
  void aFileThatIsNotALogSaysWhatIsWrongAndHowToStartOver() throws IOException {
    Path path = tmp.resolve("invitations.json");
    for (String text :
        new String[] {
          "not json",
          "{ \"format\": 2, \"apps\": {} }",
          "{ \"format\": 1, \"apps\": [] }",
          "{ \"format\": 1, \"apps\": { \"a\": { \"t1\": { \"when\": \"2026-11-20T10:00:00Z\" } } } }"
        }) {
      Files.writeString(path, text);
      assertThatThrownBy(() -> new InvitationLogFile(path).read())
          .as(text)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("the invitation log " + path + " is not one flightplan can read")
          .hasMessageContaining("delete it to start over");
    }
  }
}
