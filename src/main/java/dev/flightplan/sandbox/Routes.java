package dev.flightplan.sandbox;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Shapes that many route tables share. The query specs are named after the kinds of operation in
 * Apple's OpenAPI document: a to-many relationship ({@code .../relationships/<name>}: linkages,
 * paged), a to-many or to-one related collection ({@code .../<name>}: the related type's fieldset,
 * paged when to-many), and the resources that belong to one app ({@code include=app}).
 */
final class Routes {
  private Routes() {}

  /** A to-many relationship's linkages: paged, and nothing else. */
  static QuerySpec toManyRelationship() {
    return QuerySpec.builder().paged().build();
  }

  /** A to-many related collection of {@code type}: its fieldset, paged. */
  static QuerySpec toManyRelated(String type, Set<String> fields) {
    return QuerySpec.builder().fields(type, fields).paged().build();
  }

  /** A to-one related resource of {@code type}: its fieldset. */
  static QuerySpec toOneRelated(String type, Set<String> fields) {
    return QuerySpec.builder().fields(type, fields).build();
  }

  /**
   * A resource of {@code type} that belongs to one app: its fieldset and the app's, and {@code
   * include=app}.
   */
  static QuerySpec.Builder ofApp(String type, Set<String> fields) {
    return QuerySpec.builder().fields(type, fields).fields("apps", FieldNames.APPS).include("app");
  }

  /** A write that answers 204 No Content once {@code write} has run (and thrown nothing). */
  static Route.Handler noContent(Consumer<Request> write) {
    return request -> {
      write.accept(request);
      return Response.noContent();
    };
  }
}
