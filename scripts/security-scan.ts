/**
 * Static scan of the Electron security configuration in our own source, with
 * the TypeScript compiler API: the window's webPreferences (followed into the
 * function that builds them), the Content-Security-Policy strings, where
 * shell.openExternal / ipcMain / ipcRenderer may appear, code evaluation, the
 * page guards, and the fuses in electron-builder.yml.
 *
 *   npx tsx scripts/security-scan.ts [root]     (exit 1 when anything is found)
 *
 * Why our own: @doyensec/electronegativity reports our sandbox and
 * contextIsolation as missing because it does not follow `webPreferences:
 * webPreferences(…)` into the function that returns them (see
 * docs/threat-model.md). Constraint: honest and small — every rule is a
 * pattern in the syntax tree with a test on a bad fixture
 * (tests/hardening/security-scan.test.ts); a value the scanner cannot resolve
 * to a literal is a finding, never a pass.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

export interface Finding {
  rule: string;
  file: string;
  line: number;
  message: string;
}

/** Files allowed to use each sensitive API (paths relative to the root, with /). */
export const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  'shell.openExternal': ['src/main/external.ts'],
  ipcMain: ['src/main/ipc.ts'],
  ipcRenderer: ['src/preload/index.ts'],
};

/** webPreferences that must be present with exactly this value. */
const REQUIRED_PREFS: Readonly<Record<string, boolean>> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
};
/** webPreferences that, when present, must have exactly this value. */
const SAFE_PREFS: Readonly<Record<string, boolean>> = {
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
};
const FORBIDDEN_PREFS = ['enableBlinkFeatures', 'disableBlinkFeatures'];

export const REQUIRED_FUSES: Readonly<Record<string, boolean>> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name) && !/\.(test|fixture)\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

const propName = (p: ts.ObjectLiteralElementLike): string | null =>
  p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null;

function literalBoolean(e: ts.Expression): boolean | null {
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  return null;
}

/** The object literal a function returns (`return {…}` or an arrow's expression body), if it has one. */
function returnedObject(fn: ts.SignatureDeclaration): ts.ObjectLiteralExpression | null {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (!body) return null;
  if (ts.isObjectLiteralExpression(body)) return body;
  if (ts.isParenthesizedExpression(body) && ts.isObjectLiteralExpression(body.expression)) return body.expression;
  let found: ts.ObjectLiteralExpression | null = null;
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression && ts.isObjectLiteralExpression(n.expression)) found = n.expression;
    else ts.forEachChild(n, visit);
  };
  if (ts.isBlock(body)) ts.forEachChild(body, visit);
  return found;
}

/** A CSP's directive → sources. */
export function parseCsp(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

export function cspProblems(csp: string): string[] {
  const d = parseCsp(csp);
  const problems: string[] = [];
  const fallback = d.get('default-src');
  if (!fallback) problems.push('no default-src');
  // A document that may load nothing at all (the exported HTML brief) may style itself inline:
  // injected CSS has nowhere to send anything.
  const loadsNothing = fallback?.join(' ') === "'none'";
  for (const [name, sources] of d) {
    for (const bad of [
      "'unsafe-eval'",
      "'unsafe-inline'",
      "'unsafe-hashes'",
      "'wasm-unsafe-eval'",
      '*',
      'http:',
      'https:',
    ]) {
      if (bad === "'unsafe-inline'" && name === 'style-src' && loadsNothing) continue;
      if (sources.includes(bad)) problems.push(`${name} allows ${bad}`);
    }
    if (sources.some((s) => /^(https?:\/\/|wss?:\/\/)/.test(s))) problems.push(`${name} allows a remote origin`);
    if ((name === 'script-src' || name === 'default-src') && sources.includes('data:'))
      problems.push(`${name} allows data:`);
  }
  if ((d.get('object-src') ?? fallback)?.join(' ') !== "'none'") problems.push("object-src is not 'none'");
  if ((d.get('frame-src') ?? d.get('child-src') ?? fallback)?.join(' ') !== "'none'")
    problems.push("frame-src is not 'none'");
  // Trusted Types matter where scripts can run; a document whose scripts are all refused needs none.
  const scripts = (d.get('script-src') ?? fallback)?.join(' ');
  if (scripts !== "'none'" && d.get('require-trusted-types-for')?.join(' ') !== "'script'")
    problems.push("no require-trusted-types-for 'script' (Trusted Types)");
  const policies = d.get('trusted-types');
  if (policies?.some((p) => p === '*' || p === "'allow-duplicates'"))
    problems.push('trusted-types allows any policy or duplicate policies');
  return problems;
}

/** Whether two policies have the same directives and sources, ignoring frame-ancestors (meta tags cannot set it). */
function samePolicy(a: string, b: string): boolean {
  const norm = (csp: string): string =>
    [...parseCsp(csp)]
      .filter(([name]) => name !== 'frame-ancestors')
      .map(([name, sources]) => `${name} ${[...sources].sort().join(' ')}`)
      .sort()
      .join('; ');
  return norm(a) === norm(b);
}

/** The text of a string, template or `[...].join('; ')` expression, when it is fully literal. */
function literalText(e: ts.Expression): string | null {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (
    ts.isCallExpression(e) &&
    ts.isPropertyAccessExpression(e.expression) &&
    e.expression.name.text === 'join' &&
    ts.isArrayLiteralExpression(e.expression.expression)
  ) {
    const parts = e.expression.expression.elements.map((x) => (ts.isExpression(x) ? literalText(x) : null));
    const sep = e.arguments[0] ? literalText(e.arguments[0]) : ',';
    return parts.every((p): p is string => p !== null) && sep !== null ? parts.join(sep) : null;
  }
  return null;
}

function fuseFindings(root: string): Finding[] {
  const file = join(root, 'electron-builder.yml');
  const rel = 'electron-builder.yml';
  if (!existsSync(file)) return [{ rule: 'fuses', file: rel, line: 0, message: 'electron-builder.yml is missing' }];
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l));
  if (start < 0) return [{ rule: 'fuses', file: rel, line: 0, message: 'no electronFuses section' }];
  const fuses = new Map<string, { value: string; line: number }>();
  for (let i = start + 1; i < lines.length && /^(\s+|$)/.test(lines[i]); i++) {
    const m = /^\s+([A-Za-z]+):\s*(\S+)/.exec(lines[i]);
    if (m) fuses.set(m[1], { value: m[2], line: i + 1 });
  }
  return Object.entries(REQUIRED_FUSES).flatMap(([name, want]) => {
    const got = fuses.get(name);
    return got?.value === String(want)
      ? []
      : [
          {
            rule: 'fuses',
            file: rel,
            line: got?.line ?? start + 1,
            message: `fuse ${name} must be ${want} (is ${got?.value ?? 'unset'})`,
          },
        ];
  });
}

/** Scans the tree at `root` (its src/, src/renderer/index.html and electron-builder.yml). */
export function scan(root: string): Finding[] {
  const findings: Finding[] = [];
  const files = sourceFiles(join(root, 'src')).map((path) => ({
    path,
    rel: relative(root, path).split(sep).join('/'),
    sf: ts.createSourceFile(
      path,
      readFileSync(path, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
      path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    ),
  }));
  const at = (rel: string, sf: ts.SourceFile, node: ts.Node, rule: string, message: string): void => {
    findings.push({ rule, file: rel, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, message });
  };

  // Functions that return an object literal, by name, to follow `webPreferences: build(…)`.
  const builders = new Map<string, ts.ObjectLiteralExpression>();
  for (const { sf } of files) {
    const visit = (n: ts.Node): void => {
      if (ts.isFunctionDeclaration(n) && n.name) {
        const obj = returnedObject(n);
        if (obj) builders.set(n.name.text, obj);
      } else if (
        ts.isVariableDeclaration(n) &&
        ts.isIdentifier(n.name) &&
        n.initializer &&
        ts.isArrowFunction(n.initializer)
      ) {
        const obj = returnedObject(n.initializer);
        if (obj) builders.set(n.name.text, obj);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }

  let cspInMain = false;
  const mainCsps: string[] = [];
  let windowOpenHandler = false;
  let navigationGuard = false;
  let frameNavigationGuard = false;
  let permissionHandler = false;

  for (const { rel, sf } of files) {
    const checkPrefs = (node: ts.Node, value: ts.Expression): void => {
      let obj: ts.ObjectLiteralExpression | null = ts.isObjectLiteralExpression(value) ? value : null;
      if (!obj && ts.isCallExpression(value) && ts.isIdentifier(value.expression))
        obj = builders.get(value.expression.text) ?? null;
      if (!obj) return at(rel, sf, node, 'web-preferences', 'webPreferences cannot be resolved to an object literal');
      const props = new Map(obj.properties.map((p) => [propName(p), p] as const));
      if ([...props.values()].some((p) => ts.isSpreadAssignment(p)))
        at(rel, sf, obj, 'web-preferences', 'webPreferences spread another object: not verifiable');
      const valueOf = (key: string): boolean | null | undefined => {
        const p = props.get(key);
        if (!p) return undefined;
        return ts.isPropertyAssignment(p) ? literalBoolean(p.initializer) : null;
      };
      for (const [key, want] of Object.entries(REQUIRED_PREFS)) {
        const got = valueOf(key);
        if (got !== want)
          at(
            rel,
            sf,
            obj,
            'web-preferences',
            `${key} must be ${want} (is ${got === undefined ? 'unset' : got === null ? 'not a literal' : got})`,
          );
      }
      for (const [key, want] of Object.entries(SAFE_PREFS)) {
        const got = valueOf(key);
        if (got !== undefined && got !== want)
          at(rel, sf, obj, 'web-preferences', `${key} must be ${want} (is ${got === null ? 'not a literal' : got})`);
      }
      for (const key of FORBIDDEN_PREFS)
        if (props.has(key)) at(rel, sf, obj, 'web-preferences', `${key} must not be set`);
    };

    const visit = (n: ts.Node): void => {
      // new BrowserWindow / BrowserView / WebContentsView: webPreferences present and safe.
      if (
        ts.isNewExpression(n) &&
        ts.isIdentifier(n.expression) &&
        /^(BrowserWindow|BrowserView|WebContentsView)$/.test(n.expression.text)
      ) {
        const options = n.arguments?.[0];
        const prefs =
          options && ts.isObjectLiteralExpression(options)
            ? options.properties.find((p) => propName(p) === 'webPreferences')
            : undefined;
        if (!prefs || !ts.isPropertyAssignment(prefs))
          at(rel, sf, n, 'web-preferences', `new ${n.expression.text} without literal webPreferences`);
        else checkPrefs(prefs, prefs.initializer);
      }
      // Sensitive APIs outside their one file.
      if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression)) {
        const owner = n.expression.text;
        const api = owner === 'shell' && n.name.text === 'openExternal' ? 'shell.openExternal' : owner;
        if (ALLOWED[api] && !ALLOWED[api].includes(rel))
          at(rel, sf, n, 'restricted-api', `${api} is only allowed in ${ALLOWED[api].join(', ')}`);
        if (n.name.text === 'setWindowOpenHandler') windowOpenHandler = true;
        if (n.name.text === 'setPermissionRequestHandler') permissionHandler = true;
      }
      if (ts.isCallExpression(n)) {
        const callee = n.expression;
        if (ts.isIdentifier(callee) && callee.text === 'eval')
          at(rel, sf, n, 'code-evaluation', 'eval() runs a string as code');
        if (
          ts.isPropertyAccessExpression(callee) &&
          /^(executeJavaScript|executeJavaScriptInIsolatedWorld)$/.test(callee.name.text)
        )
          at(rel, sf, n, 'code-evaluation', `${callee.name.text} runs a string as code in the page`);
        if (
          ts.isPropertyAccessExpression(callee) &&
          callee.name.text === 'on' &&
          n.arguments[0] &&
          literalText(n.arguments[0]) === 'will-navigate'
        )
          navigationGuard = true;
        if (
          ts.isPropertyAccessExpression(callee) &&
          callee.name.text === 'on' &&
          n.arguments[0] &&
          literalText(n.arguments[0]) === 'will-frame-navigate'
        )
          frameNavigationGuard = true;
      }
      if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'Function')
        at(rel, sf, n, 'code-evaluation', 'new Function() runs a string as code');
      if (ts.isJsxAttribute(n) && ts.isIdentifier(n.name) && n.name.text === 'dangerouslySetInnerHTML')
        at(rel, sf, n, 'code-evaluation', 'dangerouslySetInnerHTML puts unescaped HTML in the page');
      if (
        ts.isBinaryExpression(n) &&
        n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(n.left) &&
        /^(innerHTML|outerHTML)$/.test(n.left.name.text)
      )
        at(rel, sf, n, 'code-evaluation', `${n.left.name.text} assignment puts unescaped HTML in the page`);
      // Any literal that looks like a CSP must be a strict one.
      if (ts.isExpression(n) && !ts.isStringLiteral(n.parent) && !ts.isArrayLiteralExpression(n.parent)) {
        const text = literalText(n);
        if (text !== null && /(^|;)\s*default-src\s/.test(text)) {
          if (rel.startsWith('src/main/')) {
            cspInMain = true;
            mainCsps.push(text);
          }
          for (const p of cspProblems(text)) at(rel, sf, n, 'csp', p);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }

  const guard = (ok: boolean, rule: string, message: string): void => {
    if (!ok) findings.push({ rule, file: 'src/main', line: 0, message });
  };
  guard(cspInMain, 'csp', 'no Content-Security-Policy found in src/main');
  guard(windowOpenHandler, 'page-guards', 'no setWindowOpenHandler: the page could open new windows');
  guard(navigationGuard, 'page-guards', "no 'will-navigate' handler: the page could navigate away");
  guard(frameNavigationGuard, 'page-guards', "no 'will-frame-navigate' handler: a frame could navigate away");
  guard(permissionHandler, 'page-guards', 'no setPermissionRequestHandler: permission requests are granted by default');

  const html = join(root, 'src', 'renderer', 'index.html');
  if (existsSync(html)) {
    const text = readFileSync(html, 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(text);
    const line = meta ? text.slice(0, meta.index).split('\n').length : 0;
    if (!meta) findings.push({ rule: 'csp', file: 'src/renderer/index.html', line, message: 'no CSP meta tag' });
    else {
      for (const p of cspProblems(meta[1]))
        findings.push({ rule: 'csp', file: 'src/renderer/index.html', line, message: p });
      // The meta tag is the browser harness's policy: it must be the app's, less what a meta cannot carry.
      if (mainCsps.length > 0 && !mainCsps.some((csp) => samePolicy(csp, meta[1])))
        findings.push({
          rule: 'csp',
          file: 'src/renderer/index.html',
          line,
          message: 'the CSP meta tag differs from the policy in src/main (other than frame-ancestors)',
        });
    }
    if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(text))
      findings.push({
        rule: 'csp',
        file: 'src/renderer/index.html',
        line: 0,
        message: 'inline <script> in index.html',
      });
  }
  findings.push(...fuseFindings(root));
  return findings;
}

// Command line: print findings, exit 1 when there are any.
if (process.argv[1] && /security-scan\.ts$/.test(process.argv[1])) {
  const root = process.argv[2] ?? process.cwd();
  const findings = scan(root);
  for (const f of findings) console.log(`${f.file}:${f.line}  [${f.rule}]  ${f.message}`);
  console.log(findings.length ? `${findings.length} finding(s)` : 'security scan: no findings');
  process.exitCode = findings.length ? 1 : 0;
}
