/**
 * Detectors for signals that are not words: invisible characters and markup that hides text from a person
 * reading a description. Internal to the classifier: other modules read flags from a
 * {@link io.toolrisk.catalogue.RiskProfile}.
 */
package io.toolrisk.classifier.flags;
