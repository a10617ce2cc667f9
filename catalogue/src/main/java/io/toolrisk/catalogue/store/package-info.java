/**
 * The catalogue on disk: snapshots written aside and switched live atomically ({@code current}), read back by streaming,
 * with their change sets and server summaries. Written by the refresh, read by the index, the API and the CLI; it
 * does not crawl, classify or index.
 */
package io.toolrisk.catalogue.store;
