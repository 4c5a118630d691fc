package dev.flightplan.sandbox;

/**
 * An error the sandbox answers with, shaped like one item of Apple's {@code ErrorResponse}. {@code
 * pointer} and {@code parameter} are mutually exclusive (at most one is non-null). The factory
 * methods are the whole catalogue of codes the sandbox uses; see the package documentation for when
 * each one is chosen.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final String AUTH_DETAIL =
      "Provide a properly configured and signed bearer token, and make sure that it has not expired. Learn more"
          + " about Generating Tokens for API Requests https://developer.apple.com/go/?id=api-generating-tokens";

  private final int status;
  private final String code;
  private final String title;
  private final String pointer;
  private final String parameter;

  private ApiException(
      int status, String code, String title, String detail, String pointer, String parameter) {
    super(detail);
    this.status = status;
    this.code = code;
    this.title = title;
    this.pointer = pointer;
    this.parameter = parameter;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  String title() {
    return title;
  }

  String detail() {
    return getMessage();
  }

  String pointer() {
    return pointer;
  }

  String parameter() {
    return parameter;
  }

  static ApiException notAuthorized() {
    return new ApiException(
        401,
        "NOT_AUTHORIZED",
        "Authentication credentials are missing or invalid.",
        AUTH_DETAIL,
        null,
        null);
  }

  static ApiException rateLimited() {
    return new ApiException(
        429,
        "RATE_LIMIT_EXCEEDED",
        "The request rate limit has been reached.",
        "We've received too many requests for this API. Please wait and try again or slow down your request rate.",
        null,
        null);
  }

  /** Apple's answer when the API key's role does not allow the request. */
  static ApiException forbidden() {
    return new ApiException(
        403,
        "FORBIDDEN_ERROR",
        "This request is forbidden for security reasons",
        "The API key in use does not allow this request",
        null,
        null);
  }

  /** An operation of Apple's API the sandbox does not emulate: the 403 every operation declares. */
  static ApiException notEmulated(String operation) {
    return new ApiException(
        403,
        "FORBIDDEN_ERROR",
        "This request is forbidden for security reasons",
        "The App Store Connect sandbox does not emulate '"
            + operation
            + "': it serves the TestFlight operations"
            + " (see the sandbox section of flightplan's README).",
        null,
        null);
  }

  static ApiException pathNotFound() {
    return new ApiException(
        404,
        "NOT_FOUND",
        "The specified resource does not exist",
        "The path provided does not match a defined resource type.",
        null,
        null);
  }

  static ApiException notFound(String type, String id) {
    return new ApiException(
        404,
        "NOT_FOUND",
        "The specified resource does not exist",
        noResource(type, id),
        null,
        null);
  }

  /**
   * A to-one related resource that does not exist: the schemas allow no null {@code data}, so the
   * API says 404.
   */
  static ApiException noRelated(String detail) {
    return new ApiException(
        404, "NOT_FOUND", "The specified resource does not exist", detail, null, null);
  }

  static ApiException methodNotAllowed(String method) {
    return new ApiException(
        405,
        "METHOD_NOT_ALLOWED",
        "The request method is not valid for the resource path.",
        "The request method '" + method + "' is not valid for the resource path.",
        null,
        null);
  }

  /** A request body over the sandbox's cap ({@code maxBytes}), refused before it is buffered. */
  static ApiException tooLarge(long maxBytes) {
    return new ApiException(
        413,
        "REQUEST_ENTITY_TOO_LARGE",
        "The request entity is too large.",
        "The request body is larger than the " + (maxBytes >> 20) + " MiB this API accepts.",
        null,
        null);
  }

  static ApiException illegalParameter(String name, String why) {
    return new ApiException(
        400,
        "PARAMETER_ERROR.ILLEGAL",
        "A given parameter is not allowed for this request",
        why,
        null,
        name);
  }

  static ApiException invalidParameter(String name, String why) {
    return new ApiException(
        400, "PARAMETER_ERROR.INVALID", "A parameter has an invalid value", why, null, name);
  }

  static ApiException missingParameter(String name, String why) {
    return new ApiException(
        400, "PARAMETER_ERROR.REQUIRED", "A required parameter is missing", why, null, name);
  }

  /**
   * A rule about the state of the resources involved (not about the request's own values) forbids
   * the change.
   */
  static ApiException stateInvalid(String detail) {
    return new ApiException(
        409,
        "STATE_ERROR.ENTITY_STATE_INVALID",
        "The request cannot be fulfilled because of the state of a resource.",
        detail,
        null,
        null);
  }

  /**
   * Information another resource must hold is missing (e.g. the beta app description before a
   * review submission). The title names what is missing, as Apple's does; there is no pointer,
   * since the request itself is complete.
   */
  static ApiException missingInformation(String title, String detail) {
    return new ApiException(409, "ENTITY_ERROR.ATTRIBUTE.REQUIRED", title, detail, null, null);
  }

  static ApiException unprocessable(String detail) {
    return new ApiException(
        422, "ENTITY_UNPROCESSABLE", "The request entity is not processable.", detail, null, null);
  }

  static ApiException attributeRequired(String pointer, String detail) {
    return new ApiException(
        409,
        "ENTITY_ERROR.ATTRIBUTE.REQUIRED",
        "The provided entity is missing a required field",
        detail,
        pointer,
        null);
  }

  static ApiException attributeInvalid(String pointer, String detail) {
    return new ApiException(
        409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "An attribute value is invalid.",
        detail,
        pointer,
        null);
  }

  static ApiException attributeType(String pointer, String detail) {
    return new ApiException(
        409,
        "ENTITY_ERROR.ATTRIBUTE.TYPE",
        "An attribute in the provided entity has the wrong type",
        detail,
        pointer,
        null);
  }

  static ApiException attributeUnknown(String pointer, String detail) {
    return new ApiException(
        409,
        "ENTITY_ERROR.ATTRIBUTE.UNKNOWN",
        "The provided entity includes an unknown attribute",
        detail,
        pointer,
        null);
  }

  static ApiException relationshipRequired(String pointer, String detail) {
    return new ApiException(
        409,
        "ENTITY_ERROR.RELATIONSHIP.REQUIRED",
        "The provided entity is missing a required relationship",
        detail,
        pointer,
        null);
  }

  static ApiException relationshipInvalid(String pointer, String detail) {
    return new ApiException(
        409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "The provided entity includes a relationship with an invalid value",
        detail,
        pointer,
        null);
  }

  /**
   * A relationship names a resource that does not exist: 409, worded like the 404 for the resource
   * itself.
   */
  static ApiException relatedNotFound(String pointer, String type, String id) {
    return relationshipInvalid(pointer, noResource(type, id));
  }

  private static String noResource(String type, String id) {
    return "There is no resource of type '" + type + "' with id '" + id + "'";
  }

  static ApiException relationshipUnknown(String pointer, String detail) {
    return new ApiException(
        409,
        "ENTITY_ERROR.RELATIONSHIP.UNKNOWN",
        "The provided entity includes an unknown relationship",
        detail,
        pointer,
        null);
  }

  static ApiException typeInvalid(String pointer, String detail) {
    return new ApiException(
        409,
        "ENTITY_ERROR.TYPE.INVALID",
        "The provided entity has the wrong type",
        detail,
        pointer,
        null);
  }

  static ApiException idInvalid(String pointer, String detail) {
    return new ApiException(
        409, "ENTITY_ERROR.ID.INVALID", "The provided entity id is invalid", detail, pointer, null);
  }

  /** 503, as Apple answers while a service is down; only injected faults use it. */
  static ApiException unavailable() {
    return new ApiException(
        503,
        "SERVICE_UNAVAILABLE",
        "The service is temporarily unavailable.",
        "The request could not be completed; try again later.",
        null,
        null);
  }

  static ApiException unexpected(String detail) {
    return new ApiException(
        500, "UNEXPECTED_ERROR", "An unexpected error occurred.", detail, null, null);
  }
}
