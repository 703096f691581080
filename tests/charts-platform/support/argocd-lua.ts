import { spawn } from 'node:child_process';

/** The health verdict an Argo CD Lua health script returns (`hs`). */
export interface HealthStatus {
  readonly status: string;
  readonly message?: string;
}

/**
 * Renders a JSON value as a Lua table constructor, the shape Argo CD's `decodeValue` builds from the
 * object: maps become hash tables, arrays become sequences starting at 1, JSON null becomes nil.
 */
export function toLuaLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`toLuaLiteral: ${value} has no Lua literal`);
    return String(value);
  }
  if (typeof value === 'string') return luaString(value);
  if (Array.isArray(value)) return `{${value.map(toLuaLiteral).join(', ')}}`;
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>).map(
      ([key, item]) => `[${luaString(key)}] = ${toLuaLiteral(item)}`,
    );
    return `{${fields.join(', ')}}`;
  }
  throw new Error(`toLuaLiteral: unsupported value of type ${typeof value}`);
}

function luaString(text: string): string {
  // Decimal escapes for everything outside printable ASCII keep the literal byte-exact in UTF-8.
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    if (byte === 0x22 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\${byte}`;
  }
  return out + '"';
}

/**
 * Runs `script` with the real `lua5.1` the way Argo CD runs a health customization from `argocd-cm`:
 * the object in the global `obj`, only the base and table libraries and a safe `os` (time, date) in
 * reach, no string library and no string methods, and the script's return value taken as `hs`.
 * A script that would fail inside Argo CD therefore fails here too.
 */
export async function runHealthLua(
  script: string,
  obj: unknown,
  lua = '/usr/bin/lua5.1',
): Promise<HealthStatus> {
  const harness = `
local obj_value = ${toLuaLiteral(obj)}
local chunk, load_error = loadstring(${luaString(script)}, "=health.lua")
if not chunk then
  io.stderr:write(load_error)
  os.exit(2)
end
local env = {
  obj = obj_value, table = table, os = { time = os.time, date = os.date },
  assert = assert, error = error, ipairs = ipairs, pairs = pairs, next = next, select = select,
  tonumber = tonumber, tostring = tostring, type = type, unpack = unpack, pcall = pcall, xpcall = xpcall,
  rawequal = rawequal, rawget = rawget, rawset = rawset, setmetatable = setmetatable,
  getmetatable = getmetatable, print = print, _VERSION = _VERSION,
}
env._G = env
setfenv(chunk, env)
local string_meta = getmetatable("")
local string_index = string_meta.__index
string_meta.__index = nil
local ok, hs = pcall(chunk)
string_meta.__index = string_index
if not ok then
  io.stderr:write(tostring(hs))
  os.exit(3)
end
if type(hs) ~= "table" then
  io.stderr:write("expect table output from Lua script, not " .. type(hs))
  os.exit(4)
end
for key, value in pairs(hs) do
  if type(value) ~= "string" then
    io.stderr:write("hs." .. tostring(key) .. " is a " .. type(value) .. ", not a string")
    os.exit(5)
  end
  io.write(key, "\\t", (string.gsub(value, "[\\\\\\n]", { ["\\\\"] = "\\\\\\\\", ["\\n"] = "\\\\n" })), "\\n")
end
`;
  const { code, stdout, stderr } = await runWithInput(lua, ['-'], harness);
  if (code !== 0) throw new Error(`health.lua failed under ${lua} (exit ${code}): ${stderr}`);
  const fields: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    if (line === '') continue;
    const tab = line.indexOf('\t');
    fields[line.slice(0, tab)] = line
      .slice(tab + 1)
      .replace(/\\(n|\\)/g, (_match, escaped: string) => (escaped === 'n' ? '\n' : '\\'));
  }
  if (fields.status === undefined) throw new Error(`health.lua returned no status: ${stdout}`);
  return fields as unknown as HealthStatus;
}

/** Runs a program with `input` on stdin (Argo CD gives a script one second; we allow five). */
async function runWithInput(
  command: string,
  args: readonly string[],
  input: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: 5000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
