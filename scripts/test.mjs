// `npm test`: every check CI runs, in order, stopping at the first failure.
// lint -> typecheck -> generated files fresh -> unit -> integration -> web build -> end-to-end.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root, run } from './lib/processes.mjs';
import { ensureChromium } from './lib/chromium.mjs';

const bin = (name) => path.join(root, 'node_modules/.bin', name);
const generated = ['api/schema.graphql', 'libs/graphql-client/src/generated.ts'];

const tests = { passed: 0, failed: 0 };

/** Runs one Jest tier and adds its counts to the closing line. */
async function jest(tier, args = [], env = {}) {
  const outputFile = path.join(root, '.data', `jest-${tier}-${process.pid}.json`);
  mkdirSync(path.dirname(outputFile), { recursive: true });
  try {
    await run(bin('jest'), ['--selectProjects', tier, '--json', `--outputFile=${outputFile}`, ...args], { env });
  } finally {
    if (existsSync(outputFile)) {
      const result = JSON.parse(readFileSync(outputFile, 'utf8'));
      tests.passed += result.numPassedTests;
      tests.failed += result.numFailedTests;
      rmSync(outputFile);
    }
  }
}

const steps = [
  ['lint', () => run(bin('eslint'), ['.'])],
  ['format', () => run(bin('prettier'), ['--check', '--log-level', 'warn', '.'])],
  ['typecheck api', () => run(bin('tsc'), ['-p', 'api/tsconfig.json'])],
  ['typecheck libs', () => run(bin('tsc'), ['-p', 'libs/tsconfig.json'])],
  ['typecheck e2e', () => run(bin('tsc'), ['-p', 'e2e/tsconfig.json'])],
  [
    'typecheck web',
    async () => {
      await run(bin('svelte-kit'), ['sync'], { cwd: path.join(root, 'web') });
      await run(bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human'], {
        cwd: path.join(root, 'web'),
      });
    },
  ],
  [
    'generated schema and client are up to date',
    async () => {
      const before = generated.map((f) => readFileSync(path.join(root, f), 'utf8'));
      await run('npm', ['run', '--silent', 'codegen'], { quiet: true });
      const stale = generated.filter((f, i) => readFileSync(path.join(root, f), 'utf8') !== before[i]);
      if (stale.length) {
        throw new Error(`Stale generated files: ${stale.join(', ')}. Run \`npm run codegen\` and commit the result.`);
      }
    },
  ],
  ['unit tests', () => jest('unit')],
  // two workers: each file has its own database and API, so files run side by side (Jest's default is one
  // worker fewer than the cores: a single worker on a two-core CI machine)
  ['integration tests', () => jest('integration', ['--maxWorkers=2'])],
  [
    'build web',
    () =>
      run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
        cwd: path.join(root, 'web'),
      }),
  ],
  [
    'end-to-end tests',
    async () => {
      const chromium = await ensureChromium();
      // two workers, each with a stack of its own (see e2e/global-setup.mjs)
      await jest('e2e', ['--maxWorkers=2'], { CHROMIUM_PATH: chromium });
    },
  ],
];

const only = process.argv.slice(2);
let passed = 0;
const started = Date.now();
for (const [name, step] of steps) {
  if (only.length && !only.some((o) => name.includes(o))) {
    continue;
  }
  const t = Date.now();
  console.log(`\n▶ ${name}`);
  try {
    await step();
  } catch (e) {
    console.error(`\n✗ ${name} failed: ${e.message}`);
    console.log(`\ntests: ${tests.passed} passed, ${Math.max(tests.failed, 1)} failed`);
    process.exit(1);
  }
  passed++;
  console.log(`✓ ${name} (${((Date.now() - t) / 1000).toFixed(1)}s)`);
}
console.log(`\nAll ${passed} checks passed in ${((Date.now() - started) / 1000).toFixed(0)}s`);
console.log(`tests: ${tests.passed} passed, ${tests.failed} failed`);
