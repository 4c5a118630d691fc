package dev.flightplan.plan;

import java.util.Objects;

/**
 * A remark a plan carries besides its actions, typed so that views choose how to show it by its
 * {@link #kind()}, never by its wording. {@link #text()} is the sentence as plans show it in a list
 * and saved plans keep it.
 */
public sealed interface Note permits Note.Remark, Note.RateLimit, Note.Refusal {
  /** For exhaustive switches in views. */
  enum Kind {
    /**
     * Something the plan leaves alone or leaves out on purpose, said by the kind that planned it.
     */
    REMARK,
    /** Applying the plan needs more requests than the API key has left this hour. */
    RATE_LIMIT,
    /** {@code apply} would refuse the plan under its guards. */
    REFUSAL
  }

  Kind kind();

  String text();

  /**
   * A remark of the kind that planned it: {@code app}, the app it concerns; {@code subject}, what
   * the sentence names first (the app, an object's address, or where the file says it); {@code
   * message}, the rest. {@link #text()} composes the sentence ("com.example.app: ..."), which saved
   * plans keep. A saved plan keeps only that sentence, so a remark read back from one ({@link
   * #Remark(String)}) has no app and no subject, and the whole sentence as its message; so has a
   * remark about the whole plan.
   */
  record Remark(String app, String subject, String message) implements Note {
    public Remark {
      Objects.requireNonNull(message, "message");
    }

    /** A remark known only by its sentence (read back from a saved plan, or about the plan). */
    public Remark(String text) {
      this(null, null, text);
    }

    @Override
    public Kind kind() {
      return Kind.REMARK;
    }

    @Override
    public String text() {
      return subject == null ? message : subject + ": " + message;
    }
  }

  /** {@code detail}: what applying takes and how apply paces itself ({@link BudgetNote}). */
  record RateLimit(String detail) implements Note {
    public static final String PREFIX = "rate limit: ";

    public RateLimit {
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public Kind kind() {
      return Kind.RATE_LIMIT;
    }

    @Override
    public String text() {
      return PREFIX + detail;
    }
  }

  /**
   * One reason apply would refuse the plan under its guards ({@code --max-deletes}, {@code
   * --allow-empty-groups}), so that a reviewer learns it from the plan, not from a failed apply.
   */
  record Refusal(String reason) implements Note {
    public static final String PREFIX = "apply would refuse this plan: ";

    public Refusal {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Kind kind() {
      return Kind.REFUSAL;
    }

    @Override
    public String text() {
      return PREFIX + reason;
    }
  }
}
