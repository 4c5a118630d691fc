package dev.flightplan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal of a file-backed sandbox, in this JVM: what replay does with a torn last line, a
 * damaged line, entries the snapshot already holds, compaction past the size threshold, and a
 * second sandbox on the same state. Kills of a real process are in {@link SandboxKillTest}.
 */
@IntegrationTest
class JournalTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));

  @TempDir Path dir;

  private Path stateFile() {
    return dir.resolve("sandbox.json");
  }

  private Path journal() {
    return dir.resolve("sandbox.json.journal");
  }

  private SandboxServer start() throws IOException {
    return SandboxServer.start(
        SandboxOptions.defaults().withStateFile(stateFile()).withClock(clock));
  }

  /** A journal line that creates tester {@code id} in no group. */
  private static String testerLine(long seq, String id, String email) {
    return "{\"seq\":"
        + seq
        + ",\"changes\":[{\"table\":\"betaTesters\",\"id\":\""
        + id
        + "\",\"row\":{\"id\":\""
        + id
        + "\",\"email\":\""
        + email
        + "\",\"inviteType\":\"EMAIL\",\"state\":\"INVITED\",\"groups\":[],\"apps\":[\""
        + Docs.WEATHER
        + "\"]}}]}\n";
  }

  /**
   * A sandbox closed after one write: its snapshot holds everything, and it says up to which entry.
   */
  private long closedAfterOneWrite() throws IOException {
    try (SandboxServer server = start()) {
      new SandboxTestClient(server, clock)
          .post("/v1/betaGroups", Docs.group(Docs.WEATHER, "Journaled", ""));
      assertThat(journal()).isNotEmptyFile();
    }
    assertThat(journal()).as("closing folds the journal into the snapshot").doesNotExist();
    return JSON.readTree(stateFile().toFile()).path("journaled").asLong();
  }

  private List<String> emails(SandboxServer server) {
    return new SandboxTestClient(server, clock)
        .get("/v1/betaTesters?limit=200")
        .json()
        .findValuesAsText("email");
  }

  @Test
  void aTornLastLineIsDroppedAndTheLinesBeforeItKept() throws IOException {
    long last = closedAfterOneWrite();
    assertThat(last).isPositive();
    String torn = testerLine(last + 2, "t-2", "torn@example.com");
    Files.writeString(
        journal(),
        testerLine(last + 1, "t-1", "kept@example.com") + torn.substring(0, torn.length() / 2));
    try (SandboxServer server = start()) {
      assertThat(emails(server)).contains("kept@example.com").doesNotContain("torn@example.com");
      assertThat(journal()).as("replayed, then folded into the snapshot").isEmptyFile();
      assertThat(
              new SandboxTestClient(server, clock)
                  .get("/v1/betaGroups?filter%5Bname%5D=Journaled")
                  .ids())
          .hasSize(1);
    }
  }

  @Test
  void aDamagedLineWithLinesAfterItRefusesToStart() throws IOException {
    long last = closedAfterOneWrite();
    Files.writeString(
        journal(),
        testerLine(last + 1, "t-1", "a@example.com")
            + "{\"seq\":\n"
            + testerLine(last + 2, "t-2", "b@example.com"));
    assertThatThrownBy(this::start)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("sandbox.json.journal is damaged: line 2");
  }

  @Test
  void aStartRefusedForADamagedJournalLeavesTheStateFreeForOneAfterTheRepair() throws IOException {
    long last = closedAfterOneWrite();
    String good = testerLine(last + 1, "t-1", "a@example.com");
    Files.writeString(journal(), good + "{\"seq\":\n");
    assertThatThrownBy(this::start)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("sandbox.json.journal is damaged: line 2");
    // the user removes the damaged line; the refused start held no lock, so this JVM may start
    Files.writeString(journal(), good);
    try (SandboxServer server = start()) {
      assertThat(emails(server)).contains("a@example.com");
    }
  }

  @Test
  void aDamagedWholeLastLineRefusesToStart() throws IOException {
    // it ends in a newline, so no kill cut it short: dropping it would lose an acknowledged write
    long last = closedAfterOneWrite();
    Files.writeString(journal(), testerLine(last + 1, "t-1", "a@example.com") + "{\"seq\":\n");
    assertThatThrownBy(this::start)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("sandbox.json.journal is damaged: line 2");
  }

  @Test
  void anEntryAfterAGapAtTheEndRefusesToStart() throws IOException {
    long last = closedAfterOneWrite();
    Files.writeString(journal(), testerLine(last + 2, "t-1", "a@example.com"));
    assertThatThrownBy(this::start)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("line 1: entry " + (last + 2) + " follows entry " + last);
  }

  @Test
  void anEntryAfterAGapRefusesToStart() throws IOException {
    long last = closedAfterOneWrite();
    Files.writeString(
        journal(),
        testerLine(last + 2, "t-1", "a@example.com")
            + testerLine(last + 3, "t-2", "b@example.com"));
    assertThatThrownBy(this::start)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("line 1: entry " + (last + 2) + " follows entry " + last);
  }

  @Test
  void entriesTheSnapshotHoldsAreNotReplayedAgain() throws IOException {
    long last = closedAfterOneWrite();
    // as after a compaction killed once the snapshot was in place, before the journal was emptied
    Files.writeString(
        journal(),
        testerLine(last, "t-old", "old@example.com")
            + testerLine(last + 1, "t-new", "new@example.com"));
    try (SandboxServer server = start()) {
      assertThat(emails(server)).contains("new@example.com").doesNotContain("old@example.com");
    }
  }

  @Test
  void theJournalIsFoldedIntoTheSnapshotOnceItOutgrowsIt() throws IOException {
    SandboxState state = Seed.load(null, JSON, clock);
    StateStore store = new StateStore(stateFile(), JSON, null);
    store.create(state);
    long snapshotBytes = Files.size(stateFile());
    long threshold =
        Math.max(StateStore.COMPACT_MIN_BYTES, StateStore.COMPACT_MULTIPLE * snapshotBytes);
    long before = state.testers().size();
    int added = 0;
    boolean compacted = false;
    while (!compacted) {
      long journalBefore = Files.size(journal());
      state.putTester(
          new Tester(
              "c-" + added,
              "c" + added + "@example.com",
              "C",
              "D",
              "EMAIL",
              "INVITED",
              List.of(),
              List.of(Docs.WEATHER)));
      store.commit(state);
      added++;
      compacted = Files.size(journal()) < journalBefore;
      assertThat(Files.size(journal())).isLessThanOrEqualTo(threshold);
    }
    assertThat(JSON.readTree(stateFile().toFile()).path("journaled").asLong()).isEqualTo(added);
    assertThat(Files.size(journal())).isZero();
    assertThat(added).as("lines of about %d bytes until %d", 250, threshold).isGreaterThan(1000);
    // and a few more after it, to replay
    for (int i = 0; i < 3; i++, added++) {
      state.putTester(
          new Tester(
              "c-" + added,
              "c" + added + "@example.com",
              "C",
              "D",
              "EMAIL",
              "INVITED",
              List.of(),
              List.of(Docs.WEATHER)));
      store.commit(state);
    }
    String live = JSON.writeValueAsString(state.snapshot());
    store.close(state);
    StateStore again = new StateStore(stateFile(), JSON, null);
    SandboxState loaded = again.load();
    assertThat(loaded.testers()).hasSize((int) before + added);
    assertThat(JSON.writeValueAsString(loaded.snapshot())).isEqualTo(live);
    again.close(loaded);
  }

  @Test
  void aSecondSandboxOnTheSameStateIsRefused() throws IOException {
    try (SandboxServer first = start()) {
      assertThatThrownBy(this::start)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("is in use by another sandbox");
      assertThat(emails(first)).isNotEmpty();
    }
    try (SandboxServer again = start()) {
      assertThat(emails(again)).isNotEmpty();
    }
  }
}
