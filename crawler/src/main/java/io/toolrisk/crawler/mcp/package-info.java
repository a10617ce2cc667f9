/**
 * The MCP client session over any transport: JSON-RPC, {@code initialize}, {@code tools/list} with its pages, deadlines
 * and bounded reads. Knows the protocol, not how bytes travel (see {@code .stdio} and {@code .http}).
 */
package io.toolrisk.crawler.mcp;
