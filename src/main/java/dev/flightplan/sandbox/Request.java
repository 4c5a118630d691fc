package dev.flightplan.sandbox;

/**
 * One authenticated request as the endpoints see it: method, decoded path, its template (the id
 * segment replaced by {@code {id}}), that id (null for collection paths), the query, the body (null
 * when none) and the base URI that links are built on.
 */
record Request(
    String method,
    String path,
    String template,
    String id,
    Query query,
    String body,
    String baseUri) {
  /** The request's own absolute URL, as {@code links.self} of a document repeats it. */
  String selfUrl() {
    return baseUri + path + (query.raw().isEmpty() ? "" : "?" + query.raw());
  }

  /**
   * The same request's URL for the page starting at {@code offset}: same path and query, another
   * cursor.
   */
  String nextUrl(int offset) {
    String rest = query.rawWithoutCursor();
    return baseUri
        + path
        + "?"
        + (rest.isEmpty() ? "" : rest + "&")
        + "cursor="
        + Paging.cursor(offset);
  }

  /**
   * The path template of a request path: {@code /v1/<type>/<id>/...} with the id replaced by {@code
   * {id}}.
   */
  static String template(String path) {
    String[] segments = path.split("/", -1);
    if (segments.length < 4 || !segments[1].equals("v1")) {
      return path;
    }
    segments[3] = "{id}";
    return String.join("/", segments);
  }

  /** The id segment of a request path, or null for paths without one. */
  static String idOf(String path) {
    String[] segments = path.split("/", -1);
    return segments.length >= 4 && segments[1].equals("v1") ? segments[3] : null;
  }
}
