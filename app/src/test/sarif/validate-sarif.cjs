// Validates SARIF logs against the SARIF 2.1.0 JSON schema that @microsoft/jest-sarif ships, with the ajv it depends
// on. Usage: node validate-sarif.cjs INSTALL_DIR < {"logs": [sarif, ...]}
// Prints {"results": [{"valid": bool, "errors": ["path: message", ...]}, ...]}, one per log, in order.
'use strict';
const path = require('path');
const dir = process.argv[2];
const modules = path.join(dir, 'node_modules');
const Ajv = require(path.join(modules, 'ajv'));
const draft4 = require(path.join(modules, 'ajv/lib/refs/json-schema-draft-04.json'));
const schema = require(path.join(modules, '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));

const ajv = new Ajv({ allErrors: true, schemaId: 'id', verbose: false, logger: false });
ajv.addMetaSchema(draft4);
const validate = ajv.compile(schema);

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const results = JSON.parse(input).logs.map(log => {
    const valid = validate(log);
    const errors = valid ? [] : validate.errors.map(e => `${e.dataPath || '/'}: ${e.message}`);
    return { valid, errors };
  });
  process.stdout.write(JSON.stringify({ results }));
});
