/**
 * Stable-API (named component) analysis factories for the local/CI
 * Elasticsearch node, whose integ-test-zip distribution has no analysis-common
 * module. Each class is a thin wrapper around a Lucene class and is registered
 * under the same name as the Elasticsearch built-in (or analysis-icu plugin)
 * component it stands in for, with the same settings and defaults, so one set
 * of index mappings works here and on a production cluster. Every class must
 * also be listed in src/main/plugin/named_components.json (Elasticsearch reads
 * only that file; NamedComponentsTest checks the two agree).
 */
package org.resourcehub.esanalysis;
