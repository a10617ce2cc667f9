// Runs the real Cedar engine on the policy sets a test sends, one JSON document on stdin:
//   {"cases": [{"name", "schema", "policies", "requests": [{"resource", "context", "validate"}]}]}
// and prints, for each case, {"name", "parse": [errors], "validation": [errors], "resources": [the Tool id each policy
// names, as Cedar read it], "decisions": ["allow"|"deny"|"error: ..."]}.
// A request with "validate" is read and checked by the schema; one without is authorized with no schema.
// Usage: node check-policies.cjs CEDAR_DIR   (CEDAR_DIR holds node_modules with @cedar-policy/cedar-wasm)
'use strict';
const path = require('path');
const dir = process.argv[2];
const cedar = require(require.resolve('@cedar-policy/cedar-wasm/nodejs', {paths: [path.resolve(dir)]}));

const messages = (errors) => (errors || []).map((e) => e.message || JSON.stringify(e));

function check(c) {
  const policies = {staticPolicies: c.policies};
  const parsed = cedar.checkParsePolicySet(policies);
  if (parsed.type !== 'success') return {name: c.name, parse: messages(parsed.errors), validation: [], resources: [], decisions: []};
  const parts = cedar.policySetTextToParts(c.policies);
  if (parts.type !== 'success') throw new Error('cannot split a policy set that parsed: ' + messages(parts.errors));
  const resources = parts.policies.map((p) => {
    const answer = cedar.policyToJson(p);
    if (answer.type !== 'success') throw new Error('cannot read a policy that parsed: ' + messages(answer.errors));
    const entity = answer.json.resource.entity;
    return entity ? (entity.__entity || entity).id : JSON.stringify(answer.json.resource);
  });
  const validated = cedar.validate({schema: c.schema, policies, validationSettings: {mode: 'strict'}});
  const validation = validated.type === 'success'
    ? messages(validated.validationErrors.map((e) => e.error))
    : messages(validated.errors);
  const decisions = c.requests.map((r) => {
    const answer = cedar.isAuthorized({
      principal: {type: 'Client', id: 'someone'},
      action: {type: 'Action', id: 'call_tool'},
      resource: {type: 'Tool', id: r.resource},
      context: r.context,
      ...(r.validate ? {schema: c.schema, validateRequest: true} : {}),
      policies,
      entities: [],
    });
    if (answer.type !== 'success') return 'error: ' + messages(answer.errors).join('; ');
    const errors = messages(answer.response.diagnostics.errors.map((e) => e.error));
    return errors.length ? answer.response.decision + ' with errors: ' + errors.join('; ') : answer.response.decision;
  });
  return {name: c.name, parse: [], validation, resources, decisions};
}

const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify({cedar: cedar.getCedarVersion(), results: input.cases.map(check)}) + '\n');
