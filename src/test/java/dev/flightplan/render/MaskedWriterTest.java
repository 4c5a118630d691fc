package dev.flightplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Masking what passes through a writer: whole lines, however they are written. */
class MaskedWriterTest {
  @Test
  void anAddressWrittenInPiecesIsMaskedWhenItsLineEnds() throws IOException {
    StringWriter target = new StringWriter();
    MaskedWriter w = new MaskedWriter(target);
    w.write("+ tester \"car");
    w.write("ol@exam");
    assertThat(target.toString()).as("held until the line ends").isEmpty();
    w.write("ple.com\"\nnext ");
    assertThat(target.toString()).isEqualTo("+ tester \"c***@example.com\"\n");
    w.write("dave@example.com");
    w.flush();
    assertThat(target.toString()).isEqualTo("+ tester \"c***@example.com\"\nnext d***@example.com");
  }

  @Test
  void aCarriageReturnEndsALineToo() throws IOException {
    StringWriter target = new StringWriter();
    MaskedWriter w = new MaskedWriter(target);
    w.write("[1/2] done: add erin@example.com\r[2/2]");
    assertThat(target.toString()).isEqualTo("[1/2] done: add e***@example.com\r");
    w.close();
    assertThat(target.toString()).isEqualTo("[1/2] done: add e***@example.com\r[2/2]");
  }
}
