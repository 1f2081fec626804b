// Builds dist/concierge.min.js (one minified ES module, no dependencies). With --size it also
// gzips it and fails when that is over the budget the SDK promises storefronts.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

const BUDGET = 5120; // bytes, minified and gzipped
const out = new URL('../dist/concierge.min.js', import.meta.url);

await build({
  entryPoints: [new URL('../src/index.js', import.meta.url).pathname],
  outfile: out.pathname,
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
});

if (process.argv.includes('--size')) {
  const code = readFileSync(out);
  const gz = gzipSync(code, { level: 9 }).length;
  const line = `dist/concierge.min.js: ${code.length} bytes minified, ${gz} bytes gzipped (budget ${BUDGET})`;
  if (gz > BUDGET) {
    console.error(`${line}: OVER BUDGET`);
    process.exit(1);
  }
  console.log(line);
}
