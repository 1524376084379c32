// The contract check: booking-api against Retell's official TypeScript SDK (the version pinned in package.json).
//
// Input, written by the booking-api tests into <dir> (default ../../../target/retell-contract):
//   requests/*.json  every request booking-api sent to the WireMock Retell: {method, path, body}
//   reads.json       every RetellApi endpoint and the answer fields booking-api reads from it
// The SDK's routes, params types and response types are read from its own source (src/resources/**), so nothing
// here repeats what the SDK says. A TypeScript file is generated that
//   - assigns each captured body to the params type of its endpoint (excess or mistyped fields fail), and
//   - reads each field booking-api reads on a value of the endpoint's response type (missing fields fail),
// and `tsc --strict --noEmit` runs on it. Any failure names the endpoint and the field, and exits non-zero.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dir = resolve(process.argv[2] ?? join(here, '../../../target/retell-contract'));
const sdkRoot = join(here, 'node_modules/retell-sdk');
const sdkVersion = JSON.parse(readFileSync(join(sdkRoot, 'package.json'), 'utf8')).version;
const problems = [];

// --- The SDK's routes: `name(args): APIPromise<Answer> { ... this._client.verb(path`...` | '...') ...`
function sourceFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const file = join(folder, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : name.endsWith('.ts') ? [file] : [];
  });
}

const routes = [];
const resourcesDir = join(sdkRoot, 'src/resources');
for (const file of sourceFiles(resourcesDir)) {
  const source = readFileSync(file, 'utf8');
  const module = relative(resourcesDir, file).replace(/\.ts$/, '');
  const method = /^ {2}(\w+)\(([^)]*)\)\s*:\s*(?:APIPromise|PagePromise)<([^{;]*?)>\s*\{([\s\S]*?)\n {2}\}/gm;
  for (const m of source.matchAll(method)) {
    const [, name, args, answer, body] = m;
    const call = /this\._client\.(get|post|patch|put|delete)(?:<[^>]*>)?\(\s*(?:path`([^`]*)`|'([^']*)')/.exec(body);
    if (!call) continue;
    const template = call[2] ?? call[3];
    const params = /\b(?:body|params)\??\s*:\s*(\w+)/.exec(args);
    const answerType = /^\w+$/.test(answer.trim()) && answer.trim() !== 'void' ? answer.trim() : null;
    routes.push({
      name: `${module}.${name}`,
      verb: call[1].toUpperCase(),
      template,
      pattern: new RegExp('^' + template.replace(/[.*+?^()|[\]\\]/g, '\\$&').replace(/\$\{[^}]*\}/g, '[^/]+') + '$'),
      module,
      params: params ? params[1] : null,
      answer: answerType,
    });
  }
}
if (routes.length < 20) {
  fail(`found only ${routes.length} routes in retell-sdk ${sdkVersion}; has the SDK's layout changed?`);
  finish();
}

function route(verb, path) {
  return routes.find((r) => r.verb === verb && r.pattern.test(path));
}

function fail(message) {
  problems.push(message);
}

function finish() {
  if (problems.length > 0) {
    console.error(`Retell contract check FAILED against retell-sdk ${sdkVersion}:`);
    for (const p of new Set(problems)) console.error('  - ' + p);
    process.exit(1);
  }
}

// --- Inputs from the tests.
const requestsDir = join(dir, 'requests');
const readsFile = join(dir, 'reads.json');
if (!existsSync(readsFile)) fail(`${readsFile} is missing: RetellApiManifestTest did not run`);
if (!existsSync(requestsDir)) fail(`${requestsDir} is missing: no test used the WireMock Retell`);
finish();
const captures = readdirSync(requestsDir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => ({ file: f, ...JSON.parse(readFileSync(join(requestsDir, f), 'utf8')) }));
const endpoints = JSON.parse(readFileSync(readsFile, 'utf8'));

// --- Every endpoint booking-api calls must be one of the SDK's, and must have been exercised by a test.
for (const e of endpoints) {
  const sample = e.path.replace(/\{[^}]+\}/g, 'x');
  const r = route(e.method, sample);
  if (!r) {
    fail(`${e.java}: ${e.method} ${e.path} is not an endpoint of retell-sdk ${sdkVersion} (moved or retired?)`);
    continue;
  }
  e.route = r;
  if (!captures.some((c) => c.method === e.method && r.pattern.test(c.path))) {
    fail(`${e.java}: no test sent ${e.method} ${e.path} to the WireMock Retell, so its body went unchecked`);
  }
}

// --- The generated file.
const importsByModule = new Map();
const lines = [];
function use(r, type) {
  const names = importsByModule.get(r.module) ?? new Set();
  names.add(type);
  importsByModule.set(r.module, names);
}
const origin = new Map(); // generated line number -> what it checks

captures.forEach((c, i) => {
  const r = route(c.method, c.path);
  if (!r) {
    fail(`${c.method} ${c.path} (${c.file}) is not an endpoint of retell-sdk ${sdkVersion} (moved or retired?)`);
    return;
  }
  if (c.body === null || c.body === undefined) {
    if (r.params && !['GET', 'DELETE'].includes(c.method)) {
      fail(`${c.method} ${c.path} (${c.file}) was sent without a body; the SDK sends ${r.params}`);
    }
    return;
  }
  if (typeof c.body !== 'object') {
    fail(`${c.method} ${c.path} (${c.file}) has a body that is not JSON`);
    return;
  }
  if (!r.params) {
    fail(`${c.method} ${c.path} (${c.file}) sends a body, but the SDK's ${r.name} takes none`);
    return;
  }
  use(r, r.params);
  lines.push(`// ${c.method} ${c.path}: ${c.file}`);
  const json = JSON.stringify(c.body, null, 2).split('\n');
  const start = lines.length + 1;
  lines.push(`export const request${i}: ${r.params} = ${json[0]}`, ...json.slice(1));
  lines[lines.length - 1] += ';';
  for (let n = start; n <= lines.length; n++) origin.set(n, `request body of ${c.method} ${c.path} (${c.file}) as ${r.params}`);
});

endpoints.filter((e) => e.route && e.reads.length > 0).forEach((e, i) => {
  const r = e.route;
  if (!r.answer) {
    fail(`${e.java} reads ${e.reads.map((f) => f.join('.')).join(', ')}, but the SDK's ${r.name} answers nothing`);
    return;
  }
  use(r, r.answer);
  lines.push(`// ${e.java}: the fields booking-api reads from ${r.answer}`);
  lines.push(`export function reads${i}(answer: ${r.answer}): unknown[] {`);
  lines.push('  return [');
  for (const field of e.reads) {
    const access = field.map((part) => (part === '[]' ? '?.[0]' : `?.${part}`)).join('');
    lines.push(`    answer${access},`);
    origin.set(lines.length, `answer field ${field.filter((p) => p !== '[]').join('.')} of ${e.method} ${e.path} (${e.java}) in ${r.answer}`);
  }
  lines.push('  ];', '}');
});

const header = [...importsByModule].map(([module, names]) =>
  `import type { ${[...names].sort().join(', ')} } from '${join(sdkRoot, 'resources', module).replaceAll('\\', '/')}';`);
const generated = join(dir, 'generated/retell-contract.ts');
mkdirSync(dirname(generated), { recursive: true });
writeFileSync(generated, [...header, '', ...lines, ''].join('\n'));
const offset = header.length + 1;

try {
  execFileSync(process.execPath, [join(here, 'node_modules/typescript/bin/tsc'), '--strict', '--noEmit',
    '--skipLibCheck', '--target', 'es2022', '--module', 'commonjs', '--moduleResolution', 'node10',
    generated], { encoding: 'utf8', stdio: 'pipe' });
} catch (e) {
  const output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
  const errors = output.split('\n').filter((l) => /error TS\d+/.test(l));
  for (const error of errors) {
    const at = /\((\d+),\d+\)/.exec(error);
    const line = at ? Number(at[1]) - offset : -1;
    const what = origin.get(line) ?? [...origin].filter(([n]) => n <= line).pop()?.[1] ?? 'generated file';
    fail(`${what}: ${error.replace(/^.*error (TS\d+): /, '$1 ')}`);
  }
  if (errors.length === 0) fail(`tsc failed without a type error: ${output.trim() || e.message}`);
}
finish();
console.log(`Retell contract check passed against retell-sdk ${sdkVersion}: ${captures.length} captured requests, `
  + `${endpoints.length} endpoints, ${endpoints.reduce((n, e) => n + e.reads.length, 0)} answer fields (${generated}).`);
