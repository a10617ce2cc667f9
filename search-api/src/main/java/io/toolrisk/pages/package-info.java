/**
 * The serve stage's HTML pages (search, server, tool), server-rendered and usable without JavaScript. Every text a
 * crawled server sent is escaped; pages read the live index and write nothing.
 */
package io.toolrisk.pages;
