// Jest's TypeScript transform: esbuild, one file at a time, to CommonJS.
//
// Why not ts-jest: the tests were already transpiled file by file (isolatedModules), never
// type-checked by jest (the type-check is its own step of `npm test`), so ts-jest's cost was loading
// the TypeScript compiler in every worker and transpiling each file with it. On a fresh clone that
// was about 10 s of CPU of the loop; esbuild's transform takes a fraction of it.
//
// The output follows the project's tsconfig where it changes what the code does: the language
// target (which decides class-field semantics) and strict mode. Decorator metadata is the one
// TypeScript feature esbuild does not emit, so it is refused rather than silently dropped.
'use strict';
const { createHash } = require('crypto');
const { readFileSync } = require('fs');
const { dirname, resolve } = require('path');
const { transformSync, version } = require('esbuild');

/** compilerOptions of a tsconfig file and the files it extends (projen writes a leading // line). */
function compilerOptions(file) {
  const text = readFileSync(file, 'utf8').split('\n').filter((l) => !l.trimStart().startsWith('//')).join('\n');
  const config = JSON.parse(text);
  const base = config.extends ? compilerOptions(resolve(dirname(file), config.extends)) : {};
  return { ...base, ...(config.compilerOptions ?? {}) };
}

// The tsconfig fields esbuild reads that change emitted behaviour.
const FIELDS = ['target', 'strict', 'alwaysStrict', 'useDefineForClassFields', 'experimentalDecorators', 'verbatimModuleSyntax'];

function settings(tsconfig) {
  const all = compilerOptions(tsconfig);
  if (all.emitDecoratorMetadata) {
    throw new Error(`${tsconfig}: emitDecoratorMetadata is set, and the jest transform (esbuild) cannot emit decorator metadata`);
  }
  const picked = Object.fromEntries(FIELDS.filter((f) => all[f] !== undefined).map((f) => [f, all[f]]));
  return { tsconfigRaw: { compilerOptions: picked }, target: String(all.target ?? 'es2022').toLowerCase() };
}

module.exports = {
  createTransformer(options = {}) {
    // A path relative to the project root, where this file's folder sits.
    const tsconfig = resolve(__dirname, '..', options.tsconfig ?? 'tsconfig.json');
    const { tsconfigRaw, target } = settings(tsconfig);
    const fingerprint = createHash('sha256')
      .update(readFileSync(__filename))
      .update(version)
      .update(JSON.stringify(tsconfigRaw))
      .digest('hex');
    return {
      canInstrument: false,
      getCacheKey(source, path) {
        return createHash('sha256').update(fingerprint).update('\0').update(path).update('\0').update(source).digest('hex');
      },
      process(source, path) {
        const out = transformSync(source, {
          loader: path.endsWith('x') ? 'tsx' : 'ts',
          format: 'cjs',
          target,
          tsconfigRaw,
          sourcefile: path,
          sourcemap: 'external',
        });
        return { code: out.code, map: out.map };
      },
    };
  },
};
