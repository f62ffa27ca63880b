/**
 * Makes sure Debian's Chromium is at /usr/bin/chromium for the e2e tests and `npm start` (browsers cannot
 * be downloaded by Playwright here). When it is missing: `apt-get update` then `apt-get install -y
 * chromium`, through `sudo` unless we are root, with apt's output streamed. Exits non-zero on failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function fail(message: string): never {
  console.error(`\n[ensure-chromium] ${message}`);
  process.exit(1);
}

function run(command: string, args: string[]): void {
  console.log(`[ensure-chromium] $ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) {
    fail(`\`${[command, ...args].join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
  }
}

if (existsSync(CHROMIUM_PATH)) {
  console.log(`[ensure-chromium] Chromium found at ${CHROMIUM_PATH}.`);
  process.exit(0);
}

if (process.platform !== 'linux') {
  fail(
    `No Chromium at ${CHROMIUM_PATH}, and this is not Linux: install Chromium and set CHROMIUM_PATH to its binary.`,
  );
}

console.log(
  `[ensure-chromium] No Chromium at ${CHROMIUM_PATH}; installing Debian's chromium package with apt-get.`,
);
const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!hasApt) fail('apt-get is not available: install Chromium yourself and set CHROMIUM_PATH to its binary.');
if (!isRoot && spawnSync('sh', ['-c', 'command -v sudo'], { stdio: 'ignore' }).status !== 0) {
  fail('Not root and no sudo: run `apt-get update && apt-get install -y chromium` as root, then retry.');
}
// `sudo -n` fails at once instead of waiting for a password; `env` carries DEBIAN_FRONTEND past sudo.
const [command, ...prefix] = isRoot
  ? ['apt-get']
  : ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];

run(command ?? 'apt-get', [...prefix, 'update']);
run(command ?? 'apt-get', [...prefix, 'install', '-y', 'chromium']);

if (!existsSync(CHROMIUM_PATH)) {
  fail(`apt-get installed chromium, but there is still nothing at ${CHROMIUM_PATH}.`);
}
console.log(`[ensure-chromium] Installed Chromium at ${CHROMIUM_PATH}.`);
