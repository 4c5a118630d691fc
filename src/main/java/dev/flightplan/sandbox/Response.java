package dev.flightplan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an endpoint answers: status, JSON body (null for 204) and, for 201, the new resource's URL.
 */
record Response(int status, JsonNode body, String location) {
  static Response ok(JsonNode body) {
    return new Response(200, body, null);
  }

  static Response created(JsonNode body, String location) {
    return new Response(201, body, location);
  }

  static Response noContent() {
    return new Response(204, null, null);
  }
}
