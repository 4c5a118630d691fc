package dev.flightplan.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters one endpoint accepts: filters (with their allowed values, or any value when
 * the set is empty), the filters that must be given, sparse fieldsets per type, include values,
 * per-relationship include limits, sort keys, other parameters with their values (such as a
 * metric's {@code period}), and whether the endpoint is paged ({@code limit} up to {@link
 * Paging#MAX_PAGE_LIMIT}, and {@code cursor}). Every name is one the OpenAPI document declares for
 * that operation; declared parameters the sandbox does not implement are left out, so they are
 * refused loudly rather than silently ignored.
 */
record QuerySpec(
    Map<String, Set<String>> filters,
    Set<String> requiredFilters,
    Map<String, Set<String>> fields,
    Set<String> includes,
    Map<String, Integer> includeLimits,
    Set<String> sorts,
    Map<String, Set<String>> options,
    boolean paged) {
  static final QuerySpec NONE = builder().build();

  QuerySpec {
    filters = Map.copyOf(filters);
    requiredFilters = Set.copyOf(requiredFilters);
    fields = Map.copyOf(fields);
    includes = Set.copyOf(includes);
    includeLimits = Map.copyOf(includeLimits);
    sorts = Set.copyOf(sorts);
    options = Map.copyOf(options);
  }

  static Builder builder() {
    return new Builder();
  }

  /**
   * Refuses parameters the endpoint does not accept (400 ILLEGAL) and values it cannot take (400
   * INVALID).
   */
  void validate(Query query) {
    for (String name : query.names()) {
      if (name.startsWith("filter[") && filters.containsKey(inner(name))) {
        checkValues(query, name, filters.get(inner(name)));
      } else if (name.startsWith("fields[") && fields.containsKey(inner(name))) {
        checkValues(query, name, fields.get(inner(name)));
      } else if (name.startsWith("limit[") && includeLimits.containsKey(inner(name))) {
        Paging.limit(query, name, includeLimits.get(inner(name)), 1);
      } else if (name.equals("include") && !includes.isEmpty()) {
        checkValues(query, name, includes);
      } else if (name.equals("sort") && !sorts.isEmpty()) {
        checkValues(query, name, sorts);
      } else if (options.containsKey(name)) {
        checkValues(query, name, options.get(name));
      } else if (paged() && name.equals("limit")) {
        Paging.limit(query, name, Paging.MAX_PAGE_LIMIT, 1);
      } else if (paged() && name.equals("cursor")) {
        Paging.offset(query);
      } else {
        throw ApiException.illegalParameter(
            name, "The parameter '" + name + "' can not be used with this request");
      }
    }
    for (String filter : requiredFilters) {
      String name = "filter[" + filter + "]";
      if (!query.has(name)) {
        throw ApiException.missingParameter(
            name, "The parameter '" + name + "' is required for this request");
      }
    }
  }

  private static String inner(String name) {
    int open = name.indexOf('[');
    return name.endsWith("]") ? name.substring(open + 1, name.length() - 1) : "";
  }

  private static void checkValues(Query query, String name, Set<String> allowed) {
    var values = query.list(name);
    if (values.isEmpty()) {
      throw ApiException.invalidParameter(name, "The parameter '" + name + "' needs a value");
    }
    if (allowed.isEmpty()) {
      return;
    }
    for (String value : values) {
      if (!allowed.contains(value)) {
        throw ApiException.invalidParameter(
            name, "'" + value + "' is not a valid value for the parameter '" + name + "'");
      }
    }
  }

  /** Collects the accepted parameters of one endpoint. */
  static final class Builder {
    private final Map<String, Set<String>> filters = new LinkedHashMap<>();
    private final Set<String> requiredFilters = new java.util.LinkedHashSet<>();
    private final Map<String, Set<String>> fields = new LinkedHashMap<>();
    private Set<String> includes = Set.of();
    private final Map<String, Integer> includeLimits = new LinkedHashMap<>();
    private Set<String> sorts = Set.of();
    private final Map<String, Set<String>> options = new LinkedHashMap<>();
    private boolean paged;

    Builder filter(String name, String... allowed) {
      filters.put(name, Set.of(allowed));
      return this;
    }

    /** A filter the request must send (the spec marks it required). */
    Builder requiredFilter(String name, String... allowed) {
      requiredFilters.add(name);
      return filter(name, allowed);
    }

    Builder fields(String type, Set<String> allowed) {
      fields.put(type, allowed);
      return this;
    }

    Builder include(String... values) {
      includes = Set.of(values);
      return this;
    }

    Builder includeLimit(String relationship, int max) {
      includeLimits.put(relationship, max);
      return this;
    }

    Builder sort(String... keys) {
      sorts = Set.of(keys);
      return this;
    }

    /**
     * A parameter other than filters, fields, include, sort and paging (e.g. {@code period}), with
     * its values.
     */
    Builder option(String name, String... allowed) {
      options.put(name, Set.of(allowed));
      return this;
    }

    /** Takes {@code limit} (up to {@link Paging#MAX_PAGE_LIMIT}) and {@code cursor}. */
    Builder paged() {
      paged = true;
      return this;
    }

    QuerySpec build() {
      return new QuerySpec(
          filters, requiredFilters, fields, includes, includeLimits, sorts, options, paged);
    }
  }
}
