/**
 * Builds the Firefox extension (`wxt build -b firefox`) and runs Mozilla's linter on it (`web-ext lint`,
 * the checks addons.mozilla.org runs on upload). Prints every finding and exits non-zero when the
 * linter reports an error, so CI fails on one. Warnings are printed but do not fail the run: the known
 * ones are `innerHTML` inside Preact's and Readability's bundled code (never reached with page or pack
 * text) and `data_collection_permissions` being newer than Firefox 128, which ignores it.
 *
 * `BACKSTORY_OUT_DIR` picks the output folder (default `.output`); `--no-build` lints the existing build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = resolve(ROOT, process.env.BACKSTORY_OUT_DIR ?? '.output');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

function fail(message: string): never {
  console.error(`[lint-firefox] ${message}`);
  process.exit(1);
}

function build(): void {
  console.log(`[lint-firefox] $ wxt build -b firefox  (out: ${OUT_DIR})`);
  const result = spawnSync(bin('wxt'), ['build', '-b', 'firefox'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) fail(`the Firefox build failed (exit ${result.status ?? result.signal}).`);
}

/** The Firefox build folder WXT wrote (`firefox-mv2` unless the manifest version is forced). */
function firefoxDir(): string {
  const found = existsSync(OUT_DIR) ? readdirSync(OUT_DIR).filter((d) => /^firefox-mv\d$/.test(d)) : [];
  if (found.length !== 1 || !found[0]) {
    fail(`expected one firefox-mv* folder in ${OUT_DIR}, found ${found.length ? found.join(', ') : 'none'}.`);
  }
  return join(OUT_DIR, found[0]);
}

function lint(sourceDir: string): LintReport {
  console.log(`[lint-firefox] $ web-ext lint --source-dir ${sourceDir}`);
  const result = spawnSync(
    bin('web-ext'),
    ['lint', '--source-dir', sourceDir, '--output', 'json', '--no-input'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  try {
    return JSON.parse(result.stdout) as LintReport;
  } catch {
    fail(`web-ext lint printed no report (exit ${result.status ?? result.signal}):\n${result.stderr}`);
  }
}

function print(kind: string, messages: readonly LintMessage[]): void {
  for (const m of messages) {
    const where = m.file ? ` ${m.file}${m.line ? `:${m.line}${m.column ? `:${m.column}` : ''}` : ''}` : '';
    console.log(`  ${kind} ${m.code}${where}: ${m.message}`);
  }
}

if (!process.argv.includes('--no-build')) build();
const report = lint(firefoxDir());
print('error', report.errors);
print('warning', report.warnings);
print('notice', report.notices);
const { errors, warnings, notices } = report.summary;
console.log(`[lint-firefox] ${errors} errors, ${warnings} warnings, ${notices} notices`);
if (errors > 0) process.exit(1);
