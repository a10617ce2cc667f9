/**
 * The batch job that runs the whole flow: crawl every server of the servers file, classify, write a snapshot aside and
 * switch it live, write the diff and the policy files, update the index. A crash at any point leaves the last good
 * catalogue serving. It uses the crawler, the classifier, the store and the indexer; it does not serve HTTP.
 */
package io.toolrisk.refresh;
