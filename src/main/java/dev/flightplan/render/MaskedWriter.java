package dev.flightplan.render;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * A writer that masks every email address ({@link EmailMask}) in what passes through it, for output
 * that others read (a CI job's log). It masks whole lines: text is held until a line ends or the
 * writer is flushed, so an address written in pieces is still masked (views flush only after whole
 * lines or prompts).
 */
public final class MaskedWriter extends Writer {
  private final Writer target;
  private final StringBuilder pending = new StringBuilder();

  public MaskedWriter(Writer target) {
    this.target = Objects.requireNonNull(target, "target");
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      pending.append(chars[i]);
      if (chars[i] == '\n' || chars[i] == '\r') {
        emit();
      }
    }
  }

  private void emit() throws IOException {
    if (pending.length() > 0) {
      target.write(EmailMask.mask(pending.toString()));
      pending.setLength(0);
    }
  }

  @Override
  public void flush() throws IOException {
    emit();
    target.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
    target.close();
  }
}
