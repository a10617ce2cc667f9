/**
 * The shared vocabulary of every stage of crawl → classify → snapshot → index → serve: a {@link io.toolrisk.catalogue.Tool}
 * as a server lists it, its {@link io.toolrisk.catalogue.RiskProfile} (category, severity, evidence, flags, actions), a
 * server's {@link io.toolrisk.catalogue.ServerRecord} with its crawl outcome, and the {@link io.toolrisk.catalogue.ChangeSet}
 * between two snapshots. Records only, validated in their constructors; nothing here crawls, classifies, indexes or
 * serves, and this module depends on no other module of ToolRisk.
 */
package io.toolrisk.catalogue;
