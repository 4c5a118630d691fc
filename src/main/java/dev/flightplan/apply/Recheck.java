package dev.flightplan.apply;

import dev.flightplan.api.AscClient;
import dev.flightplan.api.Document;
import dev.flightplan.api.NotFoundException;
import dev.flightplan.api.Query;
import dev.flightplan.api.Resource;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.ActionKind;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.Plan;
import dev.flightplan.plan.ReadBack;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Just before apply's first write, reads again whether what the plan creates has appeared since
 * planning (another apply, or someone in App Store Connect, created it): creating it again would
 * make a duplicate (of an object whose key App Store Connect does not keep unique), or repeat a
 * one-off request (invite a tester twice). What to read is each create's {@link ReadBack}, read
 * together: the creates whose read-backs differ only in the value of the key they filter on (a
 * group's name, a tester's email, a locale) share one request that filters on all their values, up
 * to {@value #VALUES} values (more read the whole list, as planning did); the others (the objects
 * under a build, as its What to Test) share one request per distinct read-back. A create whose
 * read-back needs an id this plan creates is not read: nothing can be under an object that does not
 * exist yet. Nor is the create of a replacement, whose old copy the plan deletes first. Only
 * creates of objects are read (the read-back finds what the request makes, {@code POST
 * /v1/<type>}): an invitation's read-back looks at the tester, who is INVITED already when a
 * reminder is due; a second apply on the same machine cannot send it anyway (the lock), and the
 * invitation of a tester the plan creates is covered by the tester's create.
 */
public final class Recheck {
  /** Values of one filter per request: about 2,000 characters of query for e-mail addresses. */
  static final int VALUES = 50;

  /**
   * The creates whose object appeared since planning (empty: none), and the requests it took to
   * find out.
   */
  public record Result(List<ApiCall> appeared, long requests) {
    public Result {
      appeared = List.copyOf(appeared);
    }
  }

  private Recheck() {}

  /** Reads what {@code plan} creates, as above. */
  public static Result run(AscClient client, Plan plan) {
    long before = client.requestCount();
    Set<Address> replaced = new LinkedHashSet<>();
    plan.actions().stream()
        .filter(a -> a.kind() == ActionKind.REPLACE)
        .map(Action::address)
        .forEach(replaced::add);
    Map<String, List<ApiCall>> byRead = new LinkedHashMap<>();
    Map<String, String> filterOf = new LinkedHashMap<>();
    for (ApiCall call : plan.calls()) {
      ReadBack rb = call.readBack();
      if (!call.method().equals("POST")
          || rb == null
          || rb.mode() != ReadBack.Mode.FIND
          || rb.pathRef() != null
          || !call.path().equals("/v1/" + rb.type())
          || call.serves().stream().anyMatch(replaced::contains)) {
        continue;
      }
      Request r = Request.of(rb);
      byRead.computeIfAbsent(r.collection(), k -> new ArrayList<>()).add(call);
      if (r.filter() != null) {
        filterOf.put(r.collection(), r.filter());
      }
    }
    List<ApiCall> appeared = new ArrayList<>();
    byRead.forEach(
        (collection, calls) -> {
          List<Resource> found = read(client, path(collection, filterOf.get(collection), calls));
          for (ApiCall call : calls) {
            if (found.stream()
                .anyMatch(
                    r ->
                        r.type().equals(call.readBack().type())
                            && ReadBacks.matches(r, call.readBack()))) {
              appeared.add(call);
            }
          }
        });
    appeared.sort(java.util.Comparator.comparingInt(plan.calls()::indexOf));
    return new Result(appeared, client.requestCount() - before);
  }

  /**
   * The request for {@code calls}: the collection filtered on all their values of {@code filter},
   * or the whole collection when there are more than {@value #VALUES} (a comma inside a value is
   * sent encoded, so a group named "QA, nightly" is one value).
   */
  private static String path(String collection, String filter, List<ApiCall> calls) {
    if (filter == null) {
      return collection;
    }
    Set<String> values = new LinkedHashSet<>();
    calls.forEach(c -> values.addAll(c.readBack().match().get(filter)));
    if (values.size() > VALUES) {
      return collection;
    }
    return Query.of(collection).param("filter[" + filter + "]", List.copyOf(values)).build();
  }

  private static List<Resource> read(AscClient client, String path) {
    List<Document> pages;
    try {
      pages = client.getAll(path);
    } catch (NotFoundException e) {
      return List.of();
    }
    List<Resource> all = new ArrayList<>();
    for (Document page : pages) {
      all.addAll(page.data());
      all.addAll(page.included());
    }
    return all;
  }

  /**
   * A read-back's path without the filter on its one matched attribute ({@code collection}), and
   * that attribute ({@code filter}, null when the path does not filter on it).
   */
  private record Request(String collection, String filter) {
    static Request of(ReadBack rb) {
      if (rb.match().size() != 1) {
        return new Request(rb.path(), null);
      }
      String attribute = rb.match().keySet().iterator().next();
      int q = rb.path().indexOf('?');
      if (q < 0) {
        return new Request(rb.path(), null);
      }
      List<String> kept = new ArrayList<>();
      boolean filtered = false;
      for (String param : rb.path().substring(q + 1).split("&")) {
        String name =
            URLDecoder.decode(
                param.substring(0, Math.max(0, param.indexOf('='))), StandardCharsets.UTF_8);
        if (name.equals("filter[" + attribute + "]")) {
          filtered = true;
        } else {
          kept.add(param);
        }
      }
      String base =
          rb.path().substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
      return filtered ? new Request(base, attribute) : new Request(rb.path(), null);
    }

    Request {
      Objects.requireNonNull(collection, "collection");
    }
  }
}
