package dev.flightplan.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the route for a method and path template; when there is none, {@link Coverage} says how
 * Apple would answer (404, 405, or 403 for an operation the sandbox does not emulate).
 */
final class Router {
  private final Map<String, Map<String, Route>> byTemplate = new LinkedHashMap<>();

  Router(List<Route> routes) {
    for (Route route : routes) {
      Route previous =
          byTemplate
              .computeIfAbsent(route.template(), t -> new LinkedHashMap<>())
              .put(route.method(), route);
      if (previous != null) {
        throw new IllegalStateException(
            "two routes for " + route.method() + " " + route.template());
      }
    }
  }

  Route find(String method, String template) {
    Map<String, Route> methods = byTemplate.get(template);
    Route route = methods == null ? null : methods.get(method);
    if (route == null) {
      throw Coverage.unserved(method, template, methods != null);
    }
    return route;
  }
}
