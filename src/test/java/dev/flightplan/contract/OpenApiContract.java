package dev.flightplan.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.flightplan.sandbox.Exchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks recorded exchanges against Apple's OpenAPI document (loaded once per JVM, on first use:
 * about two seconds). The document is read from the system property {@code asc.openapi}, or else
 * from {@code ../shared/asc-openapi/app-store-connect-openapi-4.4.1.json} relative to the working
 * directory.
 *
 * <p>Stricter than the validator's defaults: a query parameter the operation does not declare is an
 * error (the library ignores those by default), because the real API answers it with 400 {@code
 * PARAMETER_ERROR.ILLEGAL}. What is not reported, each for a stated reason:
 *
 * <ul>
 *   <li>an undeclared {@code cursor} query parameter: the spec declares no {@code cursor} on any
 *       operation, yet Apple's own {@code links.next} URLs carry it (api-behaviour.md section 4),
 *       so following {@code next} is correct client behaviour;
 *   <li>the status of an injected 5xx ({@code X-Sandbox-Fault}), which the spec does not declare
 *       although Apple answers it; its body is checked as the operation's error response;
 *   <li>the response of an injected {@code garbled-after} fault, garbled on purpose: only its
 *       request is checked;
 *   <li>the status of a 413, a request body over the sandbox's cap, which the spec does not declare
 *       (no operation of Apple's document has one) although a server must refuse a body it will not
 *       read; its body is checked as the operation's error response;
 *   <li>a missing request body when the sandbox answered 401 or 413: it answers those before
 *       reading the body (an unauthenticated or oversized body is never buffered), so the exchange
 *       records none, whatever was sent;
 *   <li>in {@link #violations}, problems with the <em>request</em> when the sandbox answered 4xx or
 *       5xx: an invalid request must be refused, and it was; the error document itself is still
 *       checked against the spec. A request the spec calls invalid that the sandbox accepted (2xx)
 *       is reported, since then the sandbox is too lenient. {@link #requestViolations} reports
 *       request problems whatever the answer, for client tests.
 * </ul>
 */
public final class OpenApiContract {
  private static final String CURSOR_UNEXPECTED = "Query parameter 'cursor' is unexpected";

  private OpenApiContract() {}

  // Lazy holder: the 3.4 MB document is parsed once, by the first test that needs it.
  private static final class Holder {
    static final OpenApiInteractionValidator VALIDATOR =
        OpenApiInteractionValidator.createForSpecificationUrl(
                location().toAbsolutePath().toUri().toString())
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel(
                        "validation.request.parameter.query.unexpected",
                        ValidationReport.Level.ERROR)
                    .build())
            .build();
  }

  /** Where the OpenAPI document is looked for. */
  public static Path location() {
    String property = System.getProperty("asc.openapi", "");
    return property.isBlank()
        ? Path.of("../shared/asc-openapi/app-store-connect-openapi-4.4.1.json")
        : Path.of(property);
  }

  public static boolean available() {
    return Files.isRegularFile(location());
  }

  /**
   * Skips the calling test when the document is missing, except in CI ({@code CI=true}), where it
   * fails.
   */
  public static void assumeAvailable() {
    if (available()) {
      return;
    }
    String message =
        "Apple's OpenAPI document is not at "
            + location().toAbsolutePath().normalize()
            + " (set -Dasc.openapi=/path/to/app-store-connect-openapi-4.4.1.json)";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(message + "; in CI the contract tests must run, not skip");
    }
    Assumptions.abort(message + "; contract test skipped");
  }

  /**
   * The spec's ERROR-level complaints about an exchange, each prefixed with method, path and
   * status.
   */
  public static List<String> violations(Exchange exchange) {
    boolean refused = exchange.status() >= 400;
    boolean garbled =
        exchange.responseHeaders().entrySet().stream()
            .anyMatch(
                h ->
                    h.getKey().equalsIgnoreCase("X-Sandbox-Fault")
                        && h.getValue().contains("garbled-after"));
    return messages(exchange).stream()
        .filter(m -> !(refused && m.getKey().startsWith("validation.request.")))
        .filter(m -> !(garbled && m.getKey().startsWith("validation.response.")))
        .map(m -> describe(exchange, m))
        .toList();
  }

  /** The spec's ERROR-level complaints about the request alone, whatever the sandbox answered. */
  public static List<String> requestViolations(Exchange exchange) {
    return messages(exchange).stream()
        .filter(m -> m.getKey().startsWith("validation.request."))
        .map(m -> describe(exchange, m))
        .toList();
  }

  private static List<ValidationReport.Message> messages(Exchange e) {
    SimpleRequest.Builder request = new SimpleRequest.Builder(e.method(), e.path());
    for (String pair : e.rawQuery() == null ? new String[0] : e.rawQuery().split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        // Multi-values stay comma-joined: the spec serialises them with style=form, explode=false.
        request.withQueryParam(
            name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    e.requestHeaders().forEach(request::withHeader);
    if (e.requestBody() != null) {
      request.withBody(e.requestBody());
    }
    SimpleResponse.Builder response = new SimpleResponse.Builder(checkedStatus(e));
    e.responseHeaders().forEach(response::withHeader);
    if (e.responseBody() != null) {
      response.withBody(e.responseBody());
    }
    List<ValidationReport.Message> errors = new ArrayList<>();
    for (ValidationReport.Message m :
        Holder.VALIDATOR.validate(request.build(), response.build()).getMessages()) {
      boolean bodyUnread =
          (e.status() == 401 || e.status() == 413)
              && m.getKey().equals("validation.request.body.missing");
      if (m.getLevel() == ValidationReport.Level.ERROR
          && !m.getMessage().startsWith(CURSOR_UNEXPECTED)
          && !bodyUnread) {
        errors.add(m);
      }
    }
    return errors;
  }

  /**
   * The status to check the response as. Apple's document declares no 5xx at all, yet the API
   * answers them (api-behaviour.md section 3); a 5xx the sandbox injected on purpose ({@code
   * X-Sandbox-Fault}) must still be an {@code ErrorResponse}, so it is checked as the operation's
   * declared error answer (400, declared everywhere); so is a 413 (a body over the sandbox's cap).
   * Any other 5xx (a sandbox bug) stays unknown to the spec and is reported.
   */
  private static int checkedStatus(Exchange e) {
    boolean injected =
        e.responseHeaders().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("X-Sandbox-Fault"));
    return injected && e.status() >= 500 || e.status() == 413 ? 400 : e.status();
  }

  private static String describe(Exchange e, ValidationReport.Message m) {
    String info = m.getAdditionalInfo().isEmpty() ? "" : " " + m.getAdditionalInfo();
    return e.method()
        + " "
        + e.path()
        + " -> "
        + e.status()
        + ": "
        + m.getMessage()
        + " ["
        + m.getKey()
        + "]"
        + info;
  }
}
