#!/usr/bin/env node
// Runs the built CLI (dist/cli.js, made by `npm run build`, which `npm ci` runs via `prepare`).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli.js');
if (!existsSync(built)) {
  process.stderr.write('Regiolotse is not built yet: run `npm run build` (or `npm ci`).\n');
  process.exit(1);
}
process.chdir(process.env.REGIOLOTSE_CWD ?? process.cwd());
await import(pathToFileURL(built).href);
