// Drives the official MCP TypeScript SDK's client (@modelcontextprotocol/sdk, pinned in package.json and installed by
// .ci/setup-mcp-clients.sh) against an MCP server, for the tests of ToolRisk's own server:
//   node mcp-client.mjs CLIENTS_DIR stdio COMMAND [ARGS...]   or   node mcp-client.mjs CLIENTS_DIR http URL
// Reads a plan on stdin, {"calls": [{"name", "arguments"}]}, connects (initialize and its negotiation are the SDK's),
// lists the tools (which makes the SDK validate every later structuredContent against the tool's outputSchema), makes
// each call, and prints one JSON document:
//   {"protocolVersion", "serverInfo", "capabilities", "instructions", "sessionId", "tools": [...],
//    "calls": [{"name", "result"} or {"name", "error": {"code", "message"}}]}
// A call the SDK refuses (an output that does not match its schema, a JSON-RPC error) is reported, not thrown.
import {createRequire} from 'node:module';
import path from 'node:path';

const [dir, mode, ...target] = process.argv.slice(2);
const require = createRequire(path.resolve(dir, 'package.json'));
const load = (name) => import(require.resolve(name));
const {Client} = await load('@modelcontextprotocol/sdk/client/index.js');
const {StdioClientTransport} = await load('@modelcontextprotocol/sdk/client/stdio.js');
const {StreamableHTTPClientTransport} = await load('@modelcontextprotocol/sdk/client/streamableHttp.js');

/** Passes everything through to the SDK's transport, keeping what the server sent. */
class Recording {
  constructor(inner) {
    this.inner = inner;
    this.received = [];
  }
  async start() {
    this.inner.onmessage = (message, extra) => {
      this.received.push(message);
      this.onmessage?.(message, extra);
    };
    this.inner.onerror = (error) => this.onerror?.(error);
    this.inner.onclose = () => this.onclose?.();
    return this.inner.start();
  }
  send(message, options) { return this.inner.send(message, options); }
  close() { return this.inner.close(); }
  setProtocolVersion(version) { this.inner.setProtocolVersion?.(version); }
  get sessionId() { return this.inner.sessionId; }
}

let stdin = '';
for await (const chunk of process.stdin) stdin += chunk;
const plan = JSON.parse(stdin || '{"calls": []}');

const inner = mode === 'stdio'
  ? new StdioClientTransport({command: target[0], args: target.slice(1), stderr: 'inherit'})
  : new StreamableHTTPClientTransport(new URL(target[0]));
const transport = new Recording(inner);
const client = new Client({name: 'toolrisk-tests', version: '1'});
await client.connect(transport);
const initialized = transport.received.find((m) => m.result && m.result.protocolVersion);
const report = {
  protocolVersion: initialized.result.protocolVersion,
  serverInfo: client.getServerVersion(),
  capabilities: client.getServerCapabilities(),
  instructions: client.getInstructions(),
  sessionId: inner.sessionId ?? null,
  tools: (await client.listTools()).tools,
  calls: [],
};
for (const call of plan.calls) {
  try {
    report.calls.push({name: call.name, result: await client.callTool({name: call.name, arguments: call.arguments})});
  } catch (error) {
    report.calls.push({name: call.name, error: {code: error.code ?? null, message: String(error.message)}});
  }
}
await client.close();
process.stdout.write(JSON.stringify(report) + '\n');
