/**
 * {@code toolrisk scan}: the report a server author's CI reads (text, JSON, SARIF 2.1.0) from one crawl and the
 * classifier, with the exit codes of {@code --fail-on}. It writes no catalogue.
 */
package io.toolrisk.scan;
