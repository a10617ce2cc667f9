/**
 * The crawl stage: {@link io.toolrisk.crawler.Crawler} connects to MCP servers (stdio, Streamable HTTP, legacy SSE, or a
 * recorded file) within bounds and returns one sealed {@link io.toolrisk.crawler.CrawlResult} per server: the tools it
 * listed, or why it failed. It does not classify, write snapshots or index; a failing server is a result, never an
 * exception that stops the others.
 */
package io.toolrisk.crawler;
