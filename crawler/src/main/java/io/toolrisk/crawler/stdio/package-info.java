/**
 * The stdio transport of a crawl: a server started as a process with a minimal environment, its stderr kept short,
 * and its whole process tree ended when the crawl does. Used by the MCP session only.
 */
package io.toolrisk.crawler.stdio;
