/**
 * What to crawl: {@code servers.json}, the MCP clients' config files (Claude Desktop, Cursor, VS Code) and the MCP
 * registry, read into server entries with their ids, sources and versions. It starts nothing; the crawler does.
 */
package io.toolrisk.crawler.discovery;
