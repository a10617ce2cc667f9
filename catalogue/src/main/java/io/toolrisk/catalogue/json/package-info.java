/**
 * JSON in and out for the shared vocabulary: tool definitions in the three input shapes (a {@code tools/list} result,
 * an array, JSON Lines) read tool by tool with bounds, and profiles written byte for byte the same every run. Every
 * stage that reads or writes a tool or a profile goes through here; it knows nothing of files, snapshots or HTTP.
 */
package io.toolrisk.catalogue.json;
