/**
 * The index stage: {@link io.toolrisk.index.CatalogueIndexer} builds or updates the Lucene index of a snapshot, and
 * {@link io.toolrisk.index.ToolSearcher} answers searches with filters, facets, paging and an answer cache;
 * {@link io.toolrisk.index.LiveIndex} is the index that is served, and {@link io.toolrisk.index.ChangeLog} the changes feed
 * beside it. Reads snapshots, profiles and change sets; it does not crawl, classify or speak HTTP.
 */
package io.toolrisk.index;
