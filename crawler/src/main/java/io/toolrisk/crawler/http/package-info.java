/**
 * The HTTP transports of a crawl (Streamable HTTP, legacy SSE): every body and event read within a size and a time,
 * redirects and statuses turned into exact failures. Used by the MCP session only.
 */
package io.toolrisk.crawler.http;
