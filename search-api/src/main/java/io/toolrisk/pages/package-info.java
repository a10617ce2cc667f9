/**
 * The serve stage's HTML pages (search, servers, server, tool, and the error page browsers get), server-rendered and
 * usable without JavaScript. Pages are built from a document model ({@link io.toolrisk.pages.Tag} over jsoup's, written
 * out by {@link io.toolrisk.pages.Page}): a text a crawled server sent can only enter a page as text, a link only as an
 * {@link io.toolrisk.pages.Href} (our paths, or http, https and mailto), and no element that runs or loads anything can
 * be made; descriptions are CommonMark rendered onto that model. Pages read the live index and write nothing.
 */
package io.toolrisk.pages;
