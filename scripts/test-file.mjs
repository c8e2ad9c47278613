// `npm run test:file -- <file>... [jest options]`: runs only the given test files, each in its tier
// (`*.spec.ts` unit, `*.int-spec.ts` integration, `*.e2e-spec.ts` end-to-end), with that tier's
// global setup from jest.config.js. End-to-end files need the built web app (`npx nx run web:build`).
import path from 'node:path';
import { root, run } from './lib/processes.mjs';
import { ensureChromium } from './lib/chromium.mjs';

const tiers = [
  ['e2e', '.e2e-spec.ts'],
  ['integration', '.int-spec.ts'],
  ['unit', '.spec.ts'],
];

const tierOf = (file) => tiers.find(([, suffix]) => file.endsWith(suffix))?.[0];
const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('-') && tierOf(a));
const options = args.filter((a) => !files.includes(a)); // passed to Jest as they are, e.g. `-t 'a test name'`
if (!files.length) {
  console.error('Usage: npm run test:file -- <file>.spec.ts | <file>.int-spec.ts | <file>.e2e-spec.ts ... [jest options]');
  process.exit(2);
}

const byTier = new Map();
for (const file of files) {
  const tier = tierOf(file);
  // Jest matches patterns against absolute paths: anchor at the end, dots literal.
  const relative = path.relative(root, path.resolve(file)).split(path.sep).join('/');
  const pattern = `/${relative.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  byTier.set(tier, [...(byTier.get(tier) ?? []), pattern]);
}

try {
  for (const [tier, patterns] of byTier) {
    const e2e = tier === 'e2e';
    const env = e2e ? { CHROMIUM_PATH: await ensureChromium() } : {};
    const extra = e2e ? ['--runInBand'] : [];
    await run(
      path.join(root, 'node_modules/.bin/jest'),
      ['--selectProjects', tier, ...extra, ...options, '--testPathPatterns', ...patterns],
      {
        env,
      },
    );
  }
} catch (e) {
  console.error(e.message);
  process.exitCode = 1;
}
