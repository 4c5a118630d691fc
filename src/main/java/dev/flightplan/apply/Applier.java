package dev.flightplan.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.flightplan.api.AscClient;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.Plan;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.flightplan.plan.ReadBack;

/**
 * Sends a plan's API calls in dependency order, up to {@code parallelism} at once (see {@link Scheduler}), resolving
 * references to ids created earlier in the same apply. Stops starting calls at the first failure; the report then
 * says which calls were sent and which were not, and running apply again (which plans afresh) finishes the job.
 *
 * <p>Each call is sent safely ({@link #send(ApiCall, Map)}): when its answer leaves the outcome open (a create whose
 * answer was lost, a 409 that may mean "already there", a 202) the call's {@link ReadBack} is read to find out, what
 * exists is adopted, and only what is missing is sent again. A create is never repeated blindly. Every read-back and
 * repeat goes to the client's debug log.
 */
public final class Applier {
  private static final Pattern REF = Pattern.compile("\\{(r\\d+)}");
  private static final Pattern SECRET = Pattern.compile("\\{secret:([^}]+)}");

  private final AscClient client;
  private final Consumer<CallResult> progress;
  private final Function<String, Optional<String>> secrets;
  private final Delivery delivery;
  private final int parallelism;
  private final BooleanSupplier stopRequested;

  /**
   * {@code secrets} resolves a placeholder's description ({@code env NAME}) to the secret, only when sending;
   * {@code parallelism} bounds the calls in flight ({@link Scheduler}); once {@code stopRequested} says so, no
   * further call starts.
   */
  public Applier(AscClient client, Consumer<CallResult> progress, Function<String, Optional<String>> secrets,
      int parallelism, BooleanSupplier stopRequested) {
    this.client = Objects.requireNonNull(client, "client");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.delivery = new Delivery(client);
    this.parallelism = parallelism;
    this.stopRequested = Objects.requireNonNull(stopRequested, "stopRequested");
  }

  public ApplyReport apply(Plan plan) {
    Map<String, String> ids = new ConcurrentHashMap<>();
    List<CallResult> results =
        new Scheduler(parallelism).run(plan.calls(), call -> send(call, ids), progress, stopRequested);
    return new ApplyReport(plan, results, ids);
  }

  /**
   * Sends one call safely and says what became of it (DONE or FAILED; NOT_SENT if stopped first); what it creates is
   * put in {@code ids} under the reference it produces. The references it {@link ApiCall#needs() needs} must be in
   * {@code ids} already. Runs on the scheduler's workers, several at once, with the same concurrent map.
   */
  public CallResult send(ApiCall call, Map<String, String> ids) {
    String path = resolve(call.path(), ids);
    JsonNode body = call.body() == null ? null : resolveNode(call.body().deepCopy(), ids, secrets);
    String readPath =
        call.readBack() == null || call.readBack().path() == null ? null : resolve(call.readBack().path(), ids);
    return delivery.deliver(call, path, body, readPath, ids);
  }

  private static String resolve(String text, Map<String, String> ids) {
    Matcher m = REF.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String id = ids.get(m.group(1));
      if (id == null) {
        throw new IllegalStateException("reference " + m.group() + " used before the call that produces it");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(id));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static JsonNode resolveNode(JsonNode node, Map<String, String> ids, Function<String, Optional<String>> secrets) {
    if (node instanceof ObjectNode obj) {
      Iterator<Map.Entry<String, JsonNode>> fields = obj.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        e.setValue(resolveNode(e.getValue(), ids, secrets));
      }
      return obj;
    }
    if (node instanceof ArrayNode arr) {
      for (int i = 0; i < arr.size(); i++) {
        arr.set(i, resolveNode(arr.get(i), ids, secrets));
      }
      return arr;
    }
    if (node.isTextual() && REF.matcher(node.textValue()).find()) {
      return TextNode.valueOf(resolve(node.textValue(), ids));
    }
    if (node.isTextual()) {
      Matcher m = SECRET.matcher(node.textValue());
      if (m.matches()) {
        String description = m.group(1);
        return TextNode.valueOf(
            secrets.apply(description).orElseThrow(() -> new IllegalStateException("the secret from " + description + " was not read")));
      }
    }
    return node;
  }
}
