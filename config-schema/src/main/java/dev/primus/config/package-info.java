/**
 * The config file: its schema, its typed model, and the loader that turns a YAML file into
 * either a {@link dev.primus.config.PrimusConfig} or a list of errors that each name the file,
 * the line, the key and the fix.
 *
 * <p>How a file travels: {@link dev.primus.config.YamlReader} parses it into a tree of
 * {@link dev.primus.config.ConfigNode}s that remember their line; {@link
 * dev.primus.config.Substitutions} replaces {@code ${env:}} and {@code ${file:}} and marks the
 * values it wrote as secret; {@link dev.primus.config.SchemaValidator} checks the tree against
 * {@code primus-agent.schema.json}; {@link dev.primus.config.SemanticChecks} checks what a
 * schema cannot say (one rule target, unique ids, references); {@link
 * dev.primus.config.ConfigBinder} builds the typed model.
 *
 * <p>Why a schema interpreter of our own instead of a JSON Schema library: those validate a
 * JSON tree without source positions, and every error here must carry its YAML line. The
 * interpreter covers exactly the keywords our schema uses and fails loudly on any other.
 */
package dev.primus.config;
