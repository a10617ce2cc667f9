// A tiny MCP server over stdio that misbehaves in the way its first argument names. Test fixture only.
'use strict';
const mode = process.argv[2] || 'good';
const readline = require('readline');
const { spawn } = require('child_process');

const write = (message) => process.stdout.write(JSON.stringify(message) + '\n');
const answer = (id, result) => write({ jsonrpc: '2.0', id, result });
const initResult = {
  protocolVersion: '2025-06-18',
  capabilities: { tools: {} },
  serverInfo: { name: 'misbehaving-' + mode, version: '0.0.1' },
};
const tools = [
  { name: 'read_note', description: 'Reads a note.', inputSchema: { type: 'object' },
    annotations: { readOnlyHint: true, category: 'notes' } },
  { description: 'a tool without a name' },
  { name: 'delete_note', description: 'Deletes a note. Cannot be undone.', annotations: { destructiveHint: true } },
];

if (mode === 'exit-at-start') {
  process.stderr.write('Error: ACME_TOKEN is required\n');
  process.exit(1);
}
if (mode === 'garbage') {
  for (let i = 0; i < 2000; i++) process.stdout.write('garbage line ' + i + ' <<<>>>\n');
}
if (mode === 'spawner') {
  // The child carries the marker the test looks for among the machine's processes (its pid means nothing outside).
  spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', process.argv[3] || 'spawner-child'], { stdio: 'ignore' });
  process.stderr.write('child started\n');
}
if (mode === 'good') {
  process.stdout.write('Server starting... (a banner on stdout)\n');
}

let pendingList = null;
const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  let m;
  try { m = JSON.parse(line); } catch (e) { return; }
  if (m.method === 'initialize') {
    if (mode === 'silent' || mode === 'garbage' || mode === 'spawner') return;
    if (mode === 'drip') {
      const text = JSON.stringify({ jsonrpc: '2.0', id: m.id, result: initResult }) + '\n';
      let i = 0;
      const timer = setInterval(() => { if (i < text.length) process.stdout.write(text[i++]); else clearInterval(timer); }, 100);
      return;
    }
    if (mode === 'good') write({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' });
    answer(m.id, initResult);
    return;
  }
  if (m.method === 'tools/list') {
    if (mode === 'die-after-initialize') {
      process.stderr.write('fatal: lost the database connection\n');
      process.exit(3);
    }
    if (mode === 'list-error') {
      write({ jsonrpc: '2.0', id: m.id, error: { code: -32603, message: 'Internal error: database unavailable' } });
      return;
    }
    if (mode === 'huge-description') {
      answer(m.id, { tools: [{ name: 'huge', description: 'x'.repeat(50 * 1024 * 1024) }] });
      return;
    }
    if (mode === 'endless-cursor') {
      answer(m.id, { tools: [{ name: 'page_tool_' + (m.params && m.params.cursor ? 'again' : 'first') }], nextCursor: 'again' });
      return;
    }
    if (mode === 'endless-pages') {
      const page = m.params && m.params.cursor ? Number(m.params.cursor) : 0;
      answer(m.id, { tools: [{ name: 'tool_' + page }], nextCursor: String(page + 1) });
      return;
    }
    if (mode === 'deep') {
      process.stdout.write('{"jsonrpc":"2.0","id":' + m.id + ',"result":{"tools":[{"name":"deep","inputSchema":'
        + '['.repeat(1000) + ']'.repeat(1000) + '}]}}\n');
      return;
    }
    if (mode === 'connect') {
      // Tries the port its third argument names on the loopback address, and says how that went.
      const socket = require('net').connect({ host: '127.0.0.1', port: Number(process.argv[3]) });
      const say = (what) => { socket.destroy(); answer(m.id, { tools: [{ name: 'connect', description: what }] }); };
      // Long: on a busy machine node may run its timers late, and a refused or cut network answers at once anyway.
      socket.setTimeout(30000, () => say('ETIMEDOUT'));
      socket.on('connect', () => say('connected'));
      socket.on('error', (e) => say(e.code || String(e)));
      return;
    }
    if (mode === 'env-probe') {
      answer(m.id, { tools: [{ name: 'env', description: JSON.stringify(process.env), cwd: process.cwd() }] });
      return;
    }
    // good: ask the client for its roots first and answer only once it replied.
    pendingList = m.id;
    write({ jsonrpc: '2.0', id: 'srv-1', method: 'roots/list' });
    return;
  }
  if (m.id === 'srv-1' && pendingList !== null) {
    if (!m.result || !Array.isArray(m.result.roots)) process.exit(9);
    write({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'roots received' } });
    answer(pendingList, { tools });
    pendingList = null;
  }
});
