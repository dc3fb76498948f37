// Bundles the server/CLI into dist/cli.js with esbuild; npm packages stay external.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// The PDF extraction pool (src/infra/pdf/worker-pool.ts) loads its worker from a file next to cli.js.
await build({
  entryPoints: ['src/infra/pdf/pdfjs-worker.ts'],
  outfile: 'dist/pdfjs-worker.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// The SQLite reader thread (src/infra/db/sqlite-reader.ts) likewise.
await build({
  entryPoints: ['src/infra/db/sqlite-reader-worker.ts'],
  outfile: 'dist/sqlite-reader-worker.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
