// Compiles apps/ and libs/ to dist/ with swc (no type-check: `npm run typecheck` does that).
// `@slipway/*` path aliases from tsconfig.base.json are rewritten to relative paths so that
// plain `node dist/apps/<app>/src/main.js` runs without a loader.
import { transformFile } from '@swc/core';
import { cpSync, readFileSync, mkdirSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const outDir = join(root, 'dist');
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;

const skip = /(\.spec|\.test|\.d)\.ts$/;
function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'node_modules' && name !== '__fixtures__') yield* sources(full);
    } else if (name.endsWith('.ts') && !skip.test(name)) {
      yield full;
    }
  }
}

function rewriteAliases(code, fromFile) {
  return code.replace(/require\("(@slipway\/[a-z0-9-]+)"\)/g, (match, alias) => {
    const target = paths[alias]?.[0];
    if (!target) throw new Error(`${relative(root, fromFile)}: unknown alias ${alias}`);
    const targetJs = join(outDir, target.replace(/\.ts$/, '.js'));
    let rel = relative(dirname(join(outDir, relative(root, fromFile))), targetJs);
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `require("${rel}")`;
  });
}

const files = ['apps', 'libs'].flatMap((d) => [...sources(join(root, d))]);
await Promise.all(
  files.map(async (file) => {
    const out = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
    const { code, map } = await transformFile(file, { ...swcrc, swcrc: false, filename: file, sourceFileName: relative(dirname(out), file) });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${rewriteAliases(code, file)}\n//# sourceMappingURL=${out.split('/').pop()}.map`);
    if (map) writeFileSync(`${out}.map`, map);
  }),
);
// Files the apps read at run time beside their code: the vbmc's development TLS certificate (the
// container image carries dist/ only).
const assets = ['apps/vbmc/certs'];
for (const asset of assets) cpSync(join(root, asset), join(outDir, asset), { recursive: true });
console.log(`compiled ${files.length} files to ${relative(process.cwd(), outDir) || '.'}`);
