/**
 * The serve stage's JSON API on Javalin ({@code /api/v1}, {@code /openapi.json}, {@code /health}): parameters checked at
 * the edge (a 4xx with a message, never a 500 for bad input), answers from the live index. It reads the catalogue;
 * it never crawls or writes a snapshot.
 */
package io.toolrisk.api;
