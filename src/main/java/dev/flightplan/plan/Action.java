package dev.flightplan.plan;

import java.util.List;
import java.util.Objects;

/**
 * A planned change to one object. Present tense: what apply will do. Each action carries a reason
 * for humans; the API calls that carry it out are listed separately in the {@link Plan} and name
 * the actions they serve.
 */
public sealed interface Action
    permits Action.Create, Action.Update, Action.Replace, Action.Delete, Action.Send {
  Address address();

  ActionKind kind();

  String reason();

  /** The object does not exist and will be created with {@code after}. */
  record Create(Address address, Attributes after, String reason) implements Action {
    public Create {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(after, "after");
    }

    @Override
    public ActionKind kind() {
      return ActionKind.CREATE;
    }
  }

  /** The object {@code id} exists and will be changed in place. */
  record Update(Address address, String id, List<Change> changes, String reason) implements Action {
    public Update {
      Objects.requireNonNull(address, "address");
      changes = List.copyOf(changes);
      if (changes.isEmpty()) {
        throw new IllegalArgumentException("an update without changes: " + address);
      }
    }

    @Override
    public ActionKind kind() {
      return ActionKind.UPDATE;
    }
  }

  /**
   * The object {@code id} will be deleted and created again, because attributes it cannot change in
   * place differ ({@code forcedBy}).
   */
  record Replace(
      Address address,
      String id,
      Attributes before,
      Attributes after,
      List<String> forcedBy,
      String reason)
      implements Action {
    public Replace {
      Objects.requireNonNull(address, "address");
      forcedBy = List.copyOf(forcedBy);
    }

    @Override
    public ActionKind kind() {
      return ActionKind.REPLACE;
    }
  }

  /**
   * The object {@code id} will be deleted (for a tester: removed from the app, never from the
   * team).
   */
  record Delete(Address address, String id, Attributes before, String reason) implements Action {
    public Delete {
      Objects.requireNonNull(address, "address");
    }

    @Override
    public ActionKind kind() {
      return ActionKind.DELETE;
    }
  }

  /**
   * A one-off request that leaves no state to compare (an invitation email, a build notification):
   * planned only when the change that calls for it is planned, so a second apply never repeats it.
   */
  record Send(Address address, Attributes details, String reason) implements Action {
    public Send {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(details, "details");
    }

    @Override
    public ActionKind kind() {
      return ActionKind.SEND;
    }
  }
}
