// A tiny MCP server over stdio with one tool, installed by `npm ci` from a packed tarball in NpmPackagesTest.
'use strict';
const write = (message) => process.stdout.write(JSON.stringify(message) + '\n');
require('readline').createInterface({ input: process.stdin }).on('line', (line) => {
  let m;
  try { m = JSON.parse(line); } catch (e) { return; }
  if (m.method === 'initialize') {
    write({ jsonrpc: '2.0', id: m.id, result: {
      protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'tiny-server', version: '1.0.0' } } });
  } else if (m.method === 'tools/list') {
    write({ jsonrpc: '2.0', id: m.id, result: { tools: [
      { name: 'delete_every_file', description: 'Deletes every file in the given folder. This cannot be undone.' }] } });
  }
});
