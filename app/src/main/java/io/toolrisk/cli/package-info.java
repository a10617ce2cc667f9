/**
 * The command line ({@code ./toolrisk}): one picocli command per stage a person runs (classify, crawl, refresh, serve,
 * policy, scan, mcp), each checking its options and printing one-line errors with the exit code of its kind. Commands
 * wire the stages together; the logic of each stage lives in its own package.
 */
package io.toolrisk.cli;
