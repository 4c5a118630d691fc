/**
 * The desired-state file: YAML → validated, immutable records ({@link
 * dev.flightplan.config.DesiredState}), with every problem reported as a {@link
 * dev.flightplan.diag.Diagnostic} at {@code file:line:col}.
 *
 * <p>{@link dev.flightplan.config.ConfigLoader} runs four steps, each collecting diagnostics rather
 * than throwing:
 *
 * <ol>
 *   <li>{@code YamlReader}: SnakeYAML's compose API gives a node tree with positions; it becomes a
 *       Jackson tree plus a {@code PositionMap} from JSON pointer to the position of each key and
 *       value. YAML-level problems (syntax, duplicate keys, a second document, custom tags,
 *       self-containing aliases) are reported here.
 *   <li>{@code ConfigSchema}/{@code SchemaMessages}: the tree is validated against {@code
 *       schema/testflight.schema.json} (draft 2020-12, the one statement of the file's shape, also
 *       used by editors) and each validator message is reworded at the position of the key or value
 *       concerned.
 *   <li>{@code SemanticRules} (with {@code BuildRules}, {@code LocaleRules}, {@code
 *       CriteriaRules}): what JSON Schema cannot say (uniqueness, references between groups and
 *       testers, internal-only and external-only settings, each build once per list, locales
 *       differing by case, minOs ≤ maxOs), skipping values the schema already rejected.
 *   <li>{@code ModelBuilder} (with {@code BuildModel}, {@code InfoModel}): only when there was no
 *       error, the records, with defaults applied.
 * </ol>
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Scalars resolve as in YAML 1.2 ({@code CoreSchemaResolver}): only {@code true}/{@code
 *       false} (any case SnakeYAML's YAML 1.2 core schema allows: true, True, TRUE) are booleans;
 *       {@code yes/no/on/off} are strings, so {@code internal: yes} is reported ("write true or
 *       false") and a group named {@code NO} stays "NO". Only decimal numbers are numbers; dates,
 *       hex and octal stay strings.
 *   <li>Group names are trimmed, then compared exactly; two names equal ignoring case are an error
 *       too, because App Store Connect treats them as clashing. References from a tester's {@code
 *       groups} must match exactly.
 *   <li>Emails are compared ignoring case and stored lower-cased ({@link java.util.Locale#ROOT}).
 *       Bundle IDs are compared exactly.
 *   <li>Anchors, aliases and merge keys ({@code <<}) are allowed; a value reached through an alias
 *       is reported at the anchored node. What they repeat is counted as it is expanded ({@code
 *       AliasBudget}, {@code MergeKeys}) and stopped past {@link dev.flightplan.config.Limits}.
 *       Exactly one YAML document per file.
 *   <li>Numbers are exact, and integers when they have no fraction however they are written ({@code
 *       1e3}, {@code 250.0}), so the schema judges a range on the real value ({@code YamlScalars}).
 *   <li>Files the file names (tester lists, secrets) must be in its directory tree unless allowed
 *       ({@link dev.flightplan.config.ReferencedFiles}); every file is read as {@link
 *       dev.flightplan.config.RegularFiles} reads: regular files only, up to a size cap.
 *   <li>Versions, build numbers and OS versions are read as written, quoted or not: {@code version:
 *       2.10} is "2.10" and {@code number: 045} is "045" ({@code PositionMap} keeps the text of
 *       every YAML number). A number must still look like a version ({@code 1e3} does not). Nothing
 *       warns about unquoted versions.
 *   <li>Rules of the form "exactly one of" are {@code if/then/else} in the schema, worded by its
 *       {@code errorMessage} (the editors' convention, a string, so editors show the same
 *       sentence). A password written in the file, or anything inside {@code demoAccountPassword},
 *       is never repeated in a message.
 *   <li>Locale keys are kept as written and must look like BCP 47 (en-US, de, zh-Hans, es-419); two
 *       that differ only by case are an error, one in another case than App Store Connect writes it
 *       a warning.
 *   <li>Null in a record means "the file does not say": left alone. An empty list means "none".
 * </ul>
 */
package dev.flightplan.config;
