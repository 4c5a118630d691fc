package dev.flightplan.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the route for a method and path template: 404 when no endpoint has the path, 405 when the method is wrong. */
final class Router {
  private final Map<String, Map<String, Route>> byTemplate = new LinkedHashMap<>();

  Router(List<Route> routes) {
    for (Route route : routes) {
      Route previous =
          byTemplate.computeIfAbsent(route.template(), t -> new LinkedHashMap<>()).put(route.method(), route);
      if (previous != null) {
        throw new IllegalStateException("two routes for " + route.method() + " " + route.template());
      }
    }
  }

  Route find(String method, String template) {
    Map<String, Route> methods = byTemplate.get(template);
    if (methods == null) {
      throw ApiException.pathNotFound();
    }
    Route route = methods.get(method);
    if (route == null) {
      throw ApiException.methodNotAllowed(method);
    }
    return route;
  }
}
