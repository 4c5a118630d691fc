package dev.flightplan.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns an error response into the {@link ApiException} subclass for its status, with a message of
 * the form {@code POST /v1/betaGroups: 409 ENTITY_ERROR.ATTRIBUTE.INVALID: A group with this name
 * already exists (/data/attributes/name)}. A body that is not an ErrorResponse still yields the
 * status and a cleaned-up excerpt.
 */
final class ErrorDecoder {
  private static final int EXCERPT = 200;
  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  private ErrorDecoder() {}

  /**
   * @param idempotent whether the request may safely be repeated (decides retryable and
   *     outcome-unknown for 5xx)
   * @param note appended to the message when not null (why the client gave up)
   */
  static ApiException decode(
      String method,
      String path,
      Transport.Response response,
      boolean idempotent,
      Duration retryAfter,
      String note) {
    int status = response.status();
    JsonNode errorNodes = errorsOf(read(response.body()));
    List<ApiError> errors = new ArrayList<>();
    errorNodes.forEach(e -> errors.add(error(e)));
    StringBuilder msg =
        new StringBuilder(method).append(' ').append(path).append(": ").append(status);
    if (errors.isEmpty()) {
      String reason = response.reason();
      if (reason != null && !reason.isBlank()) {
        msg.append(' ').append(reason);
      }
      String excerpt = excerpt(response.body());
      msg.append(excerpt.isEmpty() ? " (empty body)" : ": " + excerpt);
    } else {
      msg.append(' ').append(errors.get(0).describe());
      for (ApiError more : errors.subList(1, errors.size())) {
        msg.append("; ").append(more.describe());
      }
      for (String associated : associated(errorNodes)) {
        msg.append("; ").append(associated);
      }
    }
    if (status >= 500 && !idempotent) {
      msg.append(
          "; the outcome is unknown: the server may have carried out the request, read back before retrying");
    }
    if (note != null) {
      msg.append(" (").append(note).append(')');
    }
    String message = msg.toString();
    return switch (status) {
      case 401 -> new NotAuthorizedException(message, method, path, errors);
      case 403 -> new ForbiddenException(message, method, path, errors);
      case 404 -> new NotFoundException(message, method, path, errors);
      case 409 -> new ConflictException(message, method, path, errors);
      case 422 -> new UnprocessableException(message, method, path, errors);
      case 429 -> new RateLimitedException(message, method, path, errors, retryAfter);
      default ->
          status >= 500
              ? new ServerErrorException(message, status, method, path, errors, idempotent)
              : new ApiException(message, status, method, path, errors, false, false, null);
    };
  }

  private static ApiError error(JsonNode e) {
    JsonNode source = e.path("source");
    return new ApiError(
        text(e.path("status")),
        text(e.path("code")),
        text(e.path("title")),
        text(e.path("detail")),
        text(source.path("pointer")),
        text(source.path("parameter")));
  }

  /**
   * {@code meta.associatedErrors} of every error, described one per line; Apple puts the real
   * reasons there.
   */
  private static List<String> associated(JsonNode errors) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : errors) {
      JsonNode assoc = e.path("meta").path("associatedErrors");
      for (Map.Entry<String, JsonNode> entry : iterable(assoc)) {
        for (JsonNode nested : entry.getValue()) {
          out.add(error(nested).describe());
        }
      }
    }
    return out;
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node.isObject() ? node::fields : List.of();
  }

  private static JsonNode errorsOf(JsonNode doc) {
    JsonNode errors = doc == null ? null : doc.path("errors");
    return errors != null && errors.isArray() ? errors : Json.NODES.arrayNode();
  }

  private static JsonNode read(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String text(JsonNode node) {
    return node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  /** The start of a non-JSON body on one line, anything shaped like a JWT masked. */
  static String excerpt(byte[] body) {
    if (body == null) {
      return "";
    }
    String s =
        new String(body, 0, Math.min(body.length, 4 * EXCERPT), StandardCharsets.UTF_8)
            .replaceAll("<[^>]*>", " ")
            .replaceAll("\\s+", " ")
            .strip();
    s = JWT.matcher(s).replaceAll("<token>");
    return s.length() > EXCERPT ? s.substring(0, EXCERPT) + "..." : s;
  }
}
