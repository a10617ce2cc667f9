/**
 * Recommended default policies from risk profiles: {@link io.toolrisk.policy.ServerPolicy} decides what each tool of a
 * server gets under a profile (allow, rate limit, ask, require approval, hide, denied actions), and each
 * {@link io.toolrisk.policy.PolicyFormat} writes those decisions for a gateway or client. Profiles in, text out: it
 * does not classify, read files or serve.
 */
package io.toolrisk.policy;
