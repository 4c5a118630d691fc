/**
 * The desired-state file: YAML → validated, immutable records ({@link dev.flightplan.config.DesiredState}), with
 * every problem reported as a {@link dev.flightplan.diag.Diagnostic} at {@code file:line:col}.
 *
 * <p>{@link dev.flightplan.config.ConfigLoader} runs four steps, each collecting diagnostics rather than throwing:
 *
 * <ol>
 *   <li>{@code YamlReader}: SnakeYAML's compose API gives a node tree with positions; it becomes a Jackson tree plus
 *       a {@code PositionMap} from JSON pointer to the position of each key and value. YAML-level problems (syntax,
 *       duplicate keys, a second document, custom tags, self-containing aliases) are reported here.
 *   <li>{@code ConfigSchema}/{@code SchemaMessages}: the tree is validated against
 *       {@code schema/testflight.schema.json} (draft 2020-12, the one statement of the file's shape, also used by
 *       editors) and each validator message is reworded at the position of the key or value concerned.
 *   <li>{@code SemanticRules}: what JSON Schema cannot say (uniqueness, references between groups and testers,
 *       internal-only settings), skipping values the schema already rejected.
 *   <li>{@code ModelBuilder}: only when there was no error, the records, with defaults applied.
 * </ol>
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Scalars resolve as in YAML 1.2 ({@code CoreSchemaResolver}): only {@code true}/{@code false} (any case
 *       SnakeYAML's YAML 1.2 core schema allows: true, True, TRUE) are booleans; {@code yes/no/on/off} are strings,
 *       so {@code internal: yes} is reported ("write true or false") and a group named {@code NO} stays "NO".
 *       Only decimal numbers are numbers; dates, hex and octal stay strings.
 *   <li>Group names are trimmed, then compared exactly; two names equal ignoring case are an error too, because App
 *       Store Connect treats them as clashing. References from a tester's {@code groups} must match exactly.
 *   <li>Emails are compared ignoring case and stored lower-cased ({@link java.util.Locale#ROOT}). Bundle IDs are
 *       compared exactly.
 *   <li>Anchors, aliases and merge keys ({@code <<}) are allowed; a value reached through an alias is reported at
 *       the anchored node. Exactly one YAML document per file.
 * </ul>
 */
package dev.flightplan.config;
