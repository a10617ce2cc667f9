/**
 * The index stage: {@link io.toolrisk.index.CatalogueIndexer} builds or updates the Lucene index of a snapshot, and
 * {@link io.toolrisk.index.ToolSearcher} answers searches with filters, facets, paging and an answer cache. Reads
 * snapshots and profiles; it does not crawl, classify or speak HTTP.
 */
package io.toolrisk.index;
