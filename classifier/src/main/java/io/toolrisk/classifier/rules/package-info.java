/**
 * The ruleset as data: {@link io.toolrisk.classifier.rules.Rule}, {@link io.toolrisk.classifier.rules.RuleSet},
 * overrides, and {@link io.toolrisk.classifier.rules.RuleLoader}, which reads them from JSON or YAML with
 * exact error messages. The bundled ruleset is {@code io/toolrisk/classifier/rules/ruleset.json}.
 */
package io.toolrisk.classifier.rules;
