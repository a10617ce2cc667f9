/**
 * How the classifier reads text: cutting names and prose into words ({@link io.toolrisk.classifier.text.Words}),
 * the vocabulary of words the rules know, and the compiled matchers (a trie over word ids, an Aho–Corasick
 * automaton for literals). Internal to the classifier: other modules call {@link io.toolrisk.classifier.Classifier}.
 */
package io.toolrisk.classifier.text;
