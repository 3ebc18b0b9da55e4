// Builds the extension: copies the TextMate grammar in from grammar/ (its one
// source) and bundles src/ with its dependencies into dist/extension.js.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const grammar = join(here, '..', '..', 'grammar', 'pgm.tmLanguage.json');
mkdirSync(join(here, 'syntaxes'), { recursive: true });
copyFileSync(grammar, join(here, 'syntaxes', 'pgm.tmLanguage.json'));

await build({
  entryPoints: [join(here, 'src', 'extension.ts')],
  outfile: join(here, 'dist', 'extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
});
