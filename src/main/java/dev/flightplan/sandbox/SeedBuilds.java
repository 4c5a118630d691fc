package dev.flightplan.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The part of a seed about builds and test information: per app its App Clips, localizations,
 * license agreement and review detail; the builds with their review state, "What to Test", groups
 * and App Clip invocations; and per group its recruitment criteria and builds. Runs after {@link
 * Seed} has made apps, groups and testers.
 */
final class SeedBuilds {
  private static final Set<String> PLATFORMS = Set.of("IOS", "MAC_OS", "TV_OS", "VISION_OS");
  private static final Set<String> PROCESSING_STATES =
      Set.of("PROCESSING", "FAILED", "INVALID", "VALID");
  private static final Set<String> AUDIENCES = Set.of("INTERNAL_ONLY", "APP_STORE_ELIGIBLE");

  /** An app of the seed, with the test information the API cannot create for it. */
  record SeedApp(
      String id,
      String bundleId,
      String name,
      String sku,
      String primaryLocale,
      List<SeedAppClip> appClips,
      List<SeedLocalization> localizations,
      String licenseAgreement,
      SeedReviewDetail reviewDetail) {
    App toApp() {
      return new App(id, bundleId, name, sku, primaryLocale);
    }
  }

  record SeedAppClip(String bundleId) {}

  record SeedReviewDetail(
      String contactEmail,
      String contactFirstName,
      String contactLastName,
      String contactPhone,
      String demoAccountName,
      String demoAccountPassword,
      Boolean demoAccountRequired,
      String notes) {
    @Override
    public String toString() {
      return "SeedReviewDetail[contactEmail="
          + contactEmail
          + ", demoAccountPassword="
          + (demoAccountPassword == null ? null : "***")
          + ", ...]";
    }
  }

  record SeedLocalization(
      String locale,
      String description,
      String feedbackEmail,
      String marketingUrl,
      String privacyPolicyUrl,
      String tvOsPrivacyPolicy) {}

  /**
   * A build; {@code number} is the build number (the API's {@code version}), {@code version} the
   * app version.
   */
  record SeedBuild(
      String app,
      String platform,
      String version,
      String number,
      String processingState,
      Boolean expired,
      String uploadedDate,
      String minOsVersion,
      String buildAudienceType,
      Boolean usesNonExemptEncryption,
      Boolean autoNotify,
      String reviewState,
      Map<String, String> whatsNew,
      List<String> groups,
      List<String> testers,
      SeedClip appClip) {}

  /** The App Clip bundle of a build and its invocations. */
  record SeedClip(String bundleId, List<SeedInvocation> invocations) {}

  record SeedInvocation(String url, Map<String, String> titles) {}

  private final SandboxState state;
  private final Builds builds;
  private final Clock clock;

  SeedBuilds(SandboxState state, Clock clock) {
    this.state = state;
    this.builds = state.builds();
    this.clock = clock;
  }

  void load(Seed.Doc doc) {
    doc.apps().forEach(this::testInformation);
    for (Seed.SeedGroup g : doc.groups()) {
      Group group = group(g.app(), g.name());
      if (g.criteria() != null) {
        try {
          CriterionOptions.check(g.criteria(), "criteria");
        } catch (ApiException e) {
          throw new IllegalArgumentException(
              "the criteria of group '" + g.name() + "': " + e.detail(), e);
        }
        builds.criteria.put(
            new Criterion(
                Ids.stableUuid("betaRecruitmentCriterion:" + group.id()),
                group.id(),
                now(),
                g.criteria()));
      }
    }
    for (SeedBuild b : doc.builds()) {
      Build build = build(b, doc);
      for (String name : b.groups() == null ? List.<String>of() : b.groups()) {
        link(build.id(), group(b.app(), name));
      }
      for (String email : b.testers() == null ? List.<String>of() : b.testers()) {
        give(build, email);
      }
    }
    for (Seed.SeedGroup g : doc.groups()) {
      for (String label : g.builds() == null ? List.<String>of() : g.builds()) {
        Group group = group(g.app(), g.name());
        Build build =
            builds.builds.first(x -> x.app().equals(group.app()) && builds.label(x).equals(label));
        if (build == null) {
          throw new IllegalArgumentException(
              "group '"
                  + g.name()
                  + "' lists the unknown build '"
                  + label
                  + "' (builds are named \"version (number)\")");
        }
        link(build.id(), group);
      }
    }
  }

  private void testInformation(SeedApp a) {
    for (SeedLocalization l :
        a.localizations() == null ? List.<SeedLocalization>of() : a.localizations()) {
      Objects.requireNonNull(
          l.locale(), "every localization of " + a.bundleId() + " needs a locale");
      builds.appLocalizations.put(
          new AppLocalization(
              Ids.stableUuid("betaAppLocalization:" + a.id() + ":" + l.locale()),
              a.id(),
              l.locale(),
              l.description(),
              l.feedbackEmail(),
              l.marketingUrl(),
              l.privacyPolicyUrl(),
              l.tvOsPrivacyPolicy()));
    }
    builds.licenses.put(new LicenseAgreement(a.id(), a.id(), a.licenseAgreement()));
    SeedReviewDetail d = a.reviewDetail();
    if (d != null) {
      builds.reviewDetails.put(
          new ReviewDetail(
              a.id(),
              a.id(),
              d.contactEmail(),
              d.contactFirstName(),
              d.contactLastName(),
              d.contactPhone(),
              d.demoAccountName(),
              d.demoAccountPassword(),
              Boolean.TRUE.equals(d.demoAccountRequired()),
              d.notes()));
    }
  }

  /** An upload: the build appears, processing, with nothing given to anyone. */
  Build upload(String bundleId, String platform, String version, String number) {
    return build(
        new SeedBuild(
            bundleId,
            platform,
            version,
            number,
            "PROCESSING",
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null),
        null);
  }

  private Build build(SeedBuild b, Seed.Doc doc) {
    App app = app(b.app());
    Objects.requireNonNull(b.version(), "every seed build needs a version (the app version)");
    Objects.requireNonNull(b.number(), "every seed build needs a number (the build number)");
    String platform = oneOf(b.platform(), "IOS", PLATFORMS, "platform");
    String label = b.version() + " (" + b.number() + ")";
    PreRelease version =
        new PreRelease(
            Ids.stableUuid("preReleaseVersion:" + app.id() + ":" + platform + ":" + b.version()),
            app.id(),
            platform,
            b.version());
    builds.preReleases.put(version);
    String id =
        Ids.stableUuid("build:" + app.id() + ":" + platform + ":" + b.version() + ":" + b.number());
    if (builds.builds.orNull(id) != null) {
      throw new IllegalArgumentException(
          "the build " + label + " of " + app.bundleId() + " exists already");
    }
    String uploaded = b.uploadedDate() != null ? Instant.parse(b.uploadedDate()).toString() : now();
    String minOs =
        b.minOsVersion() != null
            ? b.minOsVersion()
            : switch (platform) {
              case "MAC_OS" -> "13.0";
              case "VISION_OS" -> "1.0";
              default -> "16.0";
            };
    Build build =
        new Build(
            id,
            app.id(),
            version.id(),
            b.number(),
            uploaded,
            minOs,
            oneOf(b.processingState(), "VALID", PROCESSING_STATES, "processingState"),
            oneOf(b.buildAudienceType(), "APP_STORE_ELIGIBLE", AUDIENCES, "buildAudienceType"),
            b.usesNonExemptEncryption(),
            Boolean.TRUE.equals(b.expired()),
            Boolean.TRUE.equals(b.autoNotify()),
            List.of(),
            List.of());
    builds.builds.put(build);
    builds.bundles.put(
        new BuildBundle(
            Ids.stableUuid("buildBundle:" + id + ":" + app.bundleId()),
            id,
            app.bundleId(),
            "APP",
            minOs));
    if (b.reviewState() != null) {
      oneOf(b.reviewState(), null, ReviewOperations.REVIEW_STATES, "reviewState");
      String submitted = Instant.parse(uploaded).plus(1, ChronoUnit.HOURS).toString();
      builds.submissions.put(
          new ReviewSubmission(
              Ids.stableUuid("betaAppReviewSubmission:" + id), id, b.reviewState(), submitted));
    }
    (b.whatsNew() == null ? Map.<String, String>of() : b.whatsNew())
        .forEach(
            (locale, text) ->
                builds.buildLocalizations.put(
                    new BuildLocalization(
                        Ids.stableUuid("betaBuildLocalization:" + id + ":" + locale),
                        id,
                        locale,
                        text)));
    if (b.appClip() != null) {
      clip(b.appClip(), build, app, doc, minOs);
    }
    return build;
  }

  private void clip(SeedClip clip, Build build, App app, Seed.Doc doc, String minOs) {
    String bundleId = clip.bundleId();
    if (bundleId == null) {
      List<SeedAppClip> clips =
          doc.apps().stream()
              .filter(a -> a.id().equals(app.id()))
              .findFirst()
              .map(SeedApp::appClips)
              .orElse(null);
      if (clips == null || clips.isEmpty()) {
        throw new IllegalArgumentException(
            "build "
                + builds.label(build)
                + " has an appClip, but the app "
                + app.bundleId()
                + " lists no appClips");
      }
      bundleId = clips.get(0).bundleId();
    }
    BuildBundle bundle =
        new BuildBundle(
            Ids.stableUuid("buildBundle:" + build.id() + ":" + bundleId),
            build.id(),
            bundleId,
            "APP_CLIP",
            minOs);
    builds.bundles.put(bundle);
    List<SeedInvocation> invocations = clip.invocations() == null ? List.of() : clip.invocations();
    if (invocations.size() > ClipOperations.MAX_PER_BUNDLE) {
      throw new IllegalArgumentException(
          "build "
              + builds.label(build)
              + " has more than "
              + ClipOperations.MAX_PER_BUNDLE
              + " App Clip invocations");
    }
    for (SeedInvocation i : invocations) {
      Values.httpsUrl(i.url(), "url of an App Clip invocation of build " + builds.label(build));
      String invocationId = Ids.stableUuid("betaAppClipInvocation:" + bundle.id() + ":" + i.url());
      builds.invocations.put(new ClipInvocation(invocationId, bundle.id(), i.url()));
      (i.titles() == null ? Map.<String, String>of() : i.titles())
          .forEach(
              (locale, title) ->
                  builds.clipTitles.put(
                      new ClipTitle(
                          Ids.stableUuid(
                              "betaAppClipInvocationLocalization:" + invocationId + ":" + locale),
                          invocationId,
                          locale,
                          title)));
    }
  }

  private void link(String buildId, Group group) {
    Build build = builds.builds.get(buildId);
    if (!build.groups().contains(group.id())) {
      builds.builds.put(build.withGroups(Build.plus(build.groups(), group.id())));
    }
  }

  /** Gives the build to a seed tester individually: the tester may then test the app. */
  private void give(Build seeded, String email) {
    Tester tester = state.testerByEmail(email);
    if (tester == null) {
      throw new IllegalArgumentException(
          "build "
              + builds.label(seeded)
              + " lists "
              + email
              + ", who is not among the seed's testers");
    }
    Build build = builds.builds.get(seeded.id());
    builds.builds.put(build.withTesters(Build.plus(build.individualTesters(), tester.id())));
    state.putTester(tester.withApp(build.app()));
  }

  private App app(String key) {
    return state.apps().stream()
        .filter(a -> a.bundleId().equals(key) || a.id().equals(key))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("a seed build names the unknown app " + key));
  }

  private Group group(String appKey, String name) {
    App app = app(appKey);
    return state.groupsOfApp(app.id()).stream()
        .filter(g -> g.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no group '" + name + "' in app " + app.bundleId()));
  }

  private static String oneOf(String value, String fallback, Set<String> allowed, String what) {
    String chosen = value != null ? value : fallback;
    if (!allowed.contains(chosen)) {
      throw new IllegalArgumentException(
          "'"
              + chosen
              + "' is not a valid "
              + what
              + "; use one of "
              + new ArrayList<>(new java.util.TreeSet<>(allowed)));
    }
    return chosen;
  }

  private String now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
