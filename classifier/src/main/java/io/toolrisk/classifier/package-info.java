/**
 * The classify stage: {@link io.toolrisk.classifier.Classifier} turns one tool definition into its risk profile by the
 * deterministic rules of a ruleset, quoting the words that decided it. Reads a {@code Tool}, returns a
 * {@code RiskProfile}; it does no I/O beyond loading a ruleset and knows nothing of crawls, snapshots or the index.
 */
package io.toolrisk.classifier;
