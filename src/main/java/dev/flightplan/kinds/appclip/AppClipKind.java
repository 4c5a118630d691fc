package dev.flightplan.kinds.appclip;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.api.JsonApi;
import dev.flightplan.api.Linkage;
import dev.flightplan.api.Query;
import dev.flightplan.config.BuildSpec;
import dev.flightplan.config.InvocationSpec;
import dev.flightplan.diag.Diagnostic;
import dev.flightplan.kinds.Duplicates;
import dev.flightplan.kinds.Kind;
import dev.flightplan.kinds.Pulling;
import dev.flightplan.kinds.YamlOut;
import dev.flightplan.plan.Action;
import dev.flightplan.plan.Address;
import dev.flightplan.plan.ApiCall;
import dev.flightplan.plan.AppContext;
import dev.flightplan.plan.Attributes;
import dev.flightplan.plan.Change;
import dev.flightplan.plan.Phase;
import dev.flightplan.plan.ReadBack;
import dev.flightplan.state.BuildPart;
import dev.flightplan.state.Copies;
import dev.flightplan.state.LiveBuild;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Beta App Clip invocations of a build's App Clip, keyed by URL, each with a title per locale.
 * Created with all their titles in one request (the API takes the localizations inline); titles are
 * changed, added and removed in place, a title removed only after the titles added to the same
 * invocation (it keeps one throughout); invocations the file no longer lists are deleted (the file
 * owns a build's invocations once it lists them), before new ones are created, since a build has
 * room for three. A URL (or a title's locale) App Store Connect holds twice keeps its lowest id;
 * the other copies are deleted ({@link Duplicates}). Planned build by build, as the build kind
 * resolves the file's builds ({@link #planBuild}).
 */
public final class AppClipKind implements Kind {
  static final String TYPE = "betaAppClipInvocations";
  static final String LOCALIZATION = "betaAppClipInvocationLocalizations";
  public static final String INVOCATION = "appClipInvocation";
  public static final String TITLE = "appClipTitle";

  /**
   * Read for every build (its App Clip bundle comes with the builds request); its invocations only
   * for the builds whose entry in the file lists them (a saved plan names those builds under {@code
   * invocation_builds}).
   */
  public static final BuildPart<LiveAppClip> LIVE =
      new BuildPart<>(
          "invocation",
          AppClipRead.BUNDLES,
          AppClipRead.BUNDLES,
          List.of("bundleId", "bundleType"),
          spec -> spec.appClipInvocations() != null,
          AppClipRead::decode,
          AppClipRead.INVOCATIONS,
          LiveAppClip::fingerprint);

  @Override
  public List<String> types() {
    return List.of(INVOCATION, TITLE);
  }

  /**
   * Nothing of its own: the invocations of each build are planned as the build kind resolves it.
   */
  @Override
  public void plan(AppContext ctx) {}

  @Override
  public List<BuildPart<?>> buildReads() {
    return List.of(LIVE);
  }

  @Override
  public BuildSpec pullBuild(LiveBuild build, BuildSpec into, Pulling pulling) {
    return AppClipPull.pull(build, into, pulling);
  }

  @Override
  public void writeBuild(BuildSpec build, YamlOut out) {
    AppClipPull.write(build.appClipInvocations(), out);
  }

  @Override
  public void planBuild(AppContext ctx, BuildSpec spec, LiveBuild build) {
    if (spec.appClipInvocations() == null) {
      return;
    }
    LiveAppClip clip = build.part(LIVE);
    if (clip == null) {
      if (!spec.appClipInvocations().isEmpty()) {
        ctx.out()
            .diagnostic(
                Diagnostic.error(
                    spec.appClipInvocations().get(0).pos(),
                    "build "
                        + build.label()
                        + " has no App Clip, so it cannot have App Clip invocations",
                    "remove appClipInvocations: from this build, or choose a build that contains the App Clip"));
      }
      return;
    }
    Map<String, List<LiveAppClip.LiveInvocation>> live =
        Copies.byKey(
            Objects.requireNonNullElse(clip.invocations(), List.of()),
            LiveAppClip.LiveInvocation::url,
            Comparator.comparing(LiveAppClip.LiveInvocation::id));
    Map<String, InvocationSpec> wanted = new LinkedHashMap<>();
    spec.appClipInvocations().forEach(i -> wanted.put(i.url(), i));
    for (List<LiveAppClip.LiveInvocation> copies : live.values()) {
      LiveAppClip.LiveInvocation kept = copies.get(0);
      Address address = address(ctx, build, kept.url());
      for (LiveAppClip.LiveInvocation inv : copies) {
        Attributes before = attributes(build, titlesOf(inv));
        if (!wanted.containsKey(inv.url())) {
          Duplicates.delete(
              ctx,
              Phase.APP_CLIP_DELETE,
              TYPE,
              inv == kept ? address : Duplicates.address(address, inv.id()),
              inv.id(),
              before,
              "not in the file's invocations of this build");
        } else if (inv != kept) {
          Duplicates.delete(
              ctx,
              Phase.APP_CLIP_DELETE,
              TYPE,
              address,
              kept.id(),
              Duplicates.LOWEST_ID,
              inv.id(),
              before);
        }
      }
    }
    for (InvocationSpec want : wanted.values()) {
      List<LiveAppClip.LiveInvocation> have = live.get(want.url());
      if (have == null) {
        create(ctx, build, clip, want);
      } else {
        update(ctx, build, want, have.get(0));
      }
    }
  }

  private static void create(
      AppContext ctx, LiveBuild build, LiveAppClip clip, InvocationSpec want) {
    Address address = address(ctx, build, want.url());
    ctx.out()
        .action(
            new Action.Create(
                address, attributes(build, want.titles()), "not in App Store Connect"));
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode data = f.objectNode().put("type", TYPE);
    data.putObject("attributes").put("url", want.url());
    ObjectNode rels = data.putObject("relationships");
    rels.putObject("buildBundle")
        .putObject("data")
        .put("type", "buildBundles")
        .put("id", clip.bundleId());
    ArrayNode locs = rels.putObject(LOCALIZATION).putArray("data");
    ArrayNode included = f.arrayNode();
    int n = 0;
    for (Map.Entry<String, String> title : want.titles().entrySet()) {
      String localId = "${title-" + (n++) + "}";
      locs.addObject().put("type", LOCALIZATION).put("id", localId);
      ObjectNode inc = included.addObject().put("type", LOCALIZATION).put("id", localId);
      inc.putObject("attributes").put("title", title.getValue()).put("locale", title.getKey());
    }
    ObjectNode body = f.objectNode();
    body.set("data", data);
    body.set("included", included);
    ctx.out()
        .call(
            Phase.APP_CLIP_CREATE,
            new ApiCall(
                    "POST",
                    "/v1/" + TYPE,
                    body,
                    null,
                    "create " + address.local() + " with " + want.titles().size() + " title(s)",
                    List.of(address))
                .readingBack(
                    ReadBack.find(
                        Query.of("/v1/buildBundles/" + clip.bundleId() + "/" + TYPE)
                            .param("fields[" + TYPE + "]", "url")
                            .param("limit", 200)
                            .build(),
                        TYPE,
                        "url",
                        want.url())));
  }

  private static void update(
      AppContext ctx, LiveBuild build, InvocationSpec want, LiveAppClip.LiveInvocation have) {
    Address address = address(ctx, build, want.url());
    Map<String, String> before = titlesOf(have);
    if (before.equals(want.titles())) {
      titleCopies(ctx, build, have, address);
      return;
    }
    List<Change> changes = new ArrayList<>();
    List<String> additions = new ArrayList<>();
    for (Map.Entry<String, String> t : want.titles().entrySet()) {
      LiveAppClip.LiveTitle current = have.titles().get(t.getKey());
      if (current == null) {
        changes.add(new Change.Value("title[" + t.getKey() + "]", null, t.getValue()));
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("title", t.getValue());
        attrs.put("locale", t.getKey());
        additions.add(
            ctx.out()
                .call(
                    Phase.APP_CLIP_UPDATE,
                    new ApiCall(
                            "POST",
                            "/v1/" + LOCALIZATION,
                            JsonApi.create(
                                LOCALIZATION,
                                attrs,
                                Map.of("betaAppClipInvocation", new Linkage(TYPE, have.id()))),
                            null,
                            "add the " + t.getKey() + " title of " + address.local(),
                            List.of(address))
                        .readingBack(
                            ReadBack.find(
                                Query.of("/v1/" + TYPE + "/" + have.id())
                                    .param("include", LOCALIZATION)
                                    .param("fields[" + LOCALIZATION + "]", "locale")
                                    .build(),
                                LOCALIZATION,
                                "locale",
                                t.getKey()))));
      } else if (!t.getValue().equals(current.title())) {
        changes.add(new Change.Value("title[" + t.getKey() + "]", current.title(), t.getValue()));
        ctx.out()
            .call(
                Phase.APP_CLIP_UPDATE,
                new ApiCall(
                    "PATCH",
                    "/v1/" + LOCALIZATION + "/" + current.id(),
                    JsonApi.update(LOCALIZATION, current.id(), Map.of("title", t.getValue())),
                    null,
                    "change the " + t.getKey() + " title of " + address.local(),
                    List.of(address)));
      }
    }
    titleCopies(ctx, build, have, address);
    for (Map.Entry<String, LiveAppClip.LiveTitle> t : new TreeMap<>(have.titles()).entrySet()) {
      if (!want.titles().containsKey(t.getKey())) {
        changes.add(new Change.Value("title[" + t.getKey() + "]", t.getValue().title(), null));
        // only once the additions are done: an invocation keeps at least one title throughout (409
        // otherwise)
        ctx.out()
            .call(
                Phase.APP_CLIP_UPDATE,
                new ApiCall(
                        "DELETE",
                        "/v1/" + LOCALIZATION + "/" + t.getValue().id(),
                        null,
                        null,
                        "remove the " + t.getKey() + " title of " + address.local(),
                        List.of(address))
                    .following(additions));
      }
    }
    ctx.out().action(new Action.Update(address, have.id(), changes, "titles differ from the file"));
  }

  /**
   * The extra copies of a locale's title of an invocation the file keeps ({@link Duplicates}),
   * deleted after the additions, like the titles the file drops: the kept copy of the locale stays,
   * so the invocation keeps a title.
   */
  private static void titleCopies(
      AppContext ctx, LiveBuild build, LiveAppClip.LiveInvocation have, Address invocation) {
    for (LiveBuild.LiveCopy copy : have.titleCopies()) {
      Address kept = new Address(ctx.app(), TITLE, invocation.key() + " " + copy.locale());
      Duplicates.delete(
          ctx,
          Phase.APP_CLIP_UPDATE,
          LOCALIZATION,
          kept,
          have.titles().get(copy.locale()).id(),
          Duplicates.LOWEST_ID,
          copy.id(),
          Attributes.builder().put("title", copy.text()).build());
    }
  }

  private static Map<String, String> titlesOf(LiveAppClip.LiveInvocation inv) {
    Map<String, String> titles = new TreeMap<>();
    inv.titles().forEach((locale, t) -> titles.put(locale, t.title()));
    return titles;
  }

  private static Attributes attributes(LiveBuild build, Map<String, String> titles) {
    List<String> shown = new ArrayList<>();
    new TreeMap<>(titles).forEach((locale, title) -> shown.add(locale + ": " + title));
    return Attributes.builder().put("build", build.label()).put("titles", shown).build();
  }

  private static Address address(AppContext ctx, LiveBuild build, String url) {
    return new Address(ctx.app(), INVOCATION, build.label() + " " + url);
  }
}
