package dev.flightplan.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What a standalone sandbox's user does in Apple's place, over HTTP under {@code /sandbox/} (not
 * App Store Connect paths; the same bearer token as the API): read or move the admin clock, decide
 * a Beta App Review, change a tester's state. Bodies are plain JSON objects; answers are {@code
 * 200} with the new state, or Apple-style error documents (404 for an unknown build or tester, 409
 * {@code ENTITY_ERROR.ATTRIBUTE.INVALID} for a bad value).
 *
 * <ul>
 *   <li>{@code GET /sandbox/clock}: {@code {"now": "<instant>", "offset": "<ISO-8601 duration>"}}.
 *   <li>{@code POST /sandbox/clock} {@code {"advance": "P8D"}}: moves the time forward (see {@link
 *       SandboxAdmin#advanceClock}); answers as the GET.
 *   <li>{@code POST /sandbox/uploads} {@code {"app": "<bundle id>", "version": "2.4", "number":
 *       "120", "platform": "IOS"}}: an upload (platform optional, IOS): the build appears,
 *       processing; answers {@code {"build": "<id>"}}.
 *   <li>{@code POST /sandbox/builds} {@code {"build": "<build id>", "processingState": "VALID"}}:
 *       the build's processing ends (VALID, FAILED or INVALID; PROCESSING again), as some minutes
 *       after an upload.
 *   <li>{@code POST /sandbox/reviews} {@code {"build": "<build id>", "state": "APPROVED"}}: a
 *       reviewer's decision (WAITING_FOR_REVIEW, IN_REVIEW, APPROVED or REJECTED), submitting the
 *       build first if needed.
 *   <li>{@code POST /sandbox/testers} {@code {"email": "<email>", "state": "ACCEPTED"}}: what the
 *       tester did.
 *   <li>{@code POST /sandbox/sessions} {@code {"app": "<bundle id>", "email": "<email>",
 *       "sessions": 3}}: sessions a tester had today, which the usage metrics then report; {@code
 *       "tester": "<id>"} instead of the email names a tester without one (a public-link joiner).
 * </ul>
 */
final class AdminEndpoints {
  private final SandboxAdmin admin;
  private final ObjectMapper mapper;

  AdminEndpoints(SandboxAdmin admin, ObjectMapper mapper) {
    this.admin = admin;
    this.mapper = mapper;
  }

  List<Route> routes() {
    return List.of(
        new Route("GET", "/sandbox/clock", QuerySpec.NONE, r -> clock()),
        new Route("POST", "/sandbox/clock", QuerySpec.NONE, this::advance),
        new Route("POST", "/sandbox/uploads", QuerySpec.NONE, this::upload),
        new Route("POST", "/sandbox/builds", QuerySpec.NONE, this::processing),
        new Route("POST", "/sandbox/reviews", QuerySpec.NONE, this::review),
        new Route("POST", "/sandbox/testers", QuerySpec.NONE, this::tester),
        new Route("POST", "/sandbox/sessions", QuerySpec.NONE, this::sessions));
  }

  private Response clock() {
    ObjectNode body =
        Resources.JSON
            .objectNode()
            .put("now", admin.clock().instant().toString())
            .put("offset", admin.clockOffset().toString());
    return Response.ok(body);
  }

  private Response advance(Request request) {
    String text = text(body(request), "advance");
    Duration by;
    try {
      by = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.attributeInvalid(
          "/advance", "'" + text + "' is no ISO-8601 duration such as P8D or PT6H.");
    }
    try {
      admin.advanceClock(by);
    } catch (IllegalArgumentException e) {
      throw ApiException.attributeInvalid(
          "/advance", "The clock only moves forward; '" + text + "' does not.");
    }
    return clock();
  }

  private Response upload(Request request) {
    JsonNode body = body(request);
    String app = text(body, "app");
    String version = text(body, "version");
    String number = text(body, "number");
    String platform = body.hasNonNull("platform") ? text(body, "platform") : "IOS";
    try {
      String id = admin.upload(app, platform, version, number);
      return Response.ok(Resources.JSON.objectNode().put("build", id));
    } catch (IllegalArgumentException e) {
      throw ApiException.attributeInvalid("/", e.getMessage());
    }
  }

  private Response processing(Request request) {
    JsonNode body = body(request);
    String build = text(body, "build");
    String state = text(body, "processingState");
    if (!SandboxAdmin.PROCESSING_STATES.contains(state)) {
      throw ApiException.attributeInvalid(
          "/processingState", "'" + state + "' is not one of " + SandboxAdmin.PROCESSING_STATES);
    }
    try {
      admin.setProcessingState(build, state);
    } catch (IllegalArgumentException e) {
      throw ApiException.noRelated("There is no build with the id '" + build + "'.");
    }
    return Response.ok(
        Resources.JSON.objectNode().put("build", build).put("processingState", state));
  }

  private Response review(Request request) {
    JsonNode body = body(request);
    String build = text(body, "build");
    String state = text(body, "state");
    if (!ReviewOperations.REVIEW_STATES.contains(state)) {
      throw ApiException.attributeInvalid(
          "/state", "'" + state + "' is not one of " + ReviewOperations.REVIEW_STATES);
    }
    admin.setReviewState(build, state);
    return Response.ok(Resources.JSON.objectNode().put("build", build).put("state", state));
  }

  private Response tester(Request request) {
    JsonNode body = body(request);
    String email = text(body, "email");
    String state = text(body, "state");
    try {
      admin.setTesterState(email, state);
    } catch (IllegalArgumentException e) {
      if (SandboxAdmin.TESTER_STATES.contains(state)) {
        throw ApiException.noRelated("There is no beta tester with the email '" + email + "'.");
      }
      throw ApiException.attributeInvalid(
          "/state", "'" + state + "' is not one of " + SandboxAdmin.TESTER_STATES);
    }
    return Response.ok(Resources.JSON.objectNode().put("email", email).put("state", state));
  }

  private Response sessions(Request request) {
    JsonNode body = body(request);
    String app = text(body, "app");
    boolean byId = body.has("tester") && !body.has("email");
    String who = text(body, byId ? "tester" : "email");
    JsonNode sessions = body.get("sessions");
    if (sessions == null
        || !sessions.canConvertToInt()
        || !sessions.isIntegralNumber()
        || sessions.asInt() < 1) {
      throw ApiException.attributeInvalid(
          "/sessions", "'sessions' must be a whole number of at least 1.");
    }
    try {
      if (byId) {
        admin.recordSessionsOfId(app, who, sessions.asInt());
      } else {
        admin.recordSessions(app, who, sessions.asInt());
      }
    } catch (IllegalArgumentException e) {
      throw ApiException.noRelated(
          "There is no app '" + app + "' with a beta tester '" + who + "'.");
    }
    return Response.ok(
        Resources.JSON
            .objectNode()
            .put("app", app)
            .put(byId ? "tester" : "email", who)
            .put("sessions", sessions.asInt()));
  }

  private JsonNode body(Request request) {
    try {
      JsonNode body = request.body() == null ? null : mapper.readTree(request.body());
      if (body == null || !body.isObject()) {
        throw ApiException.unprocessable("The request body must be a JSON object.");
      }
      return body;
    } catch (JsonProcessingException e) {
      throw ApiException.unprocessable("The request body is not valid JSON.");
    }
  }

  private static String text(JsonNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null || !value.isTextual()) {
      throw ApiException.attributeRequired(
          "/" + name, "The member '" + name + "' (a string) is required.");
    }
    return value.asText();
  }
}
