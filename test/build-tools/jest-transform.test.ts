import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';

interface Transformer {
  getCacheKey(source: string, file: string): string;
  process(source: string, file: string): { code: string; map: string };
}
// The transform is plain JavaScript, loaded by jest itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createTransformer } = require('../../build-tools/jest-transform') as { createTransformer(options?: { tsconfig?: string }): Transformer };

/** Runs transformed CommonJS code and returns its exports. */
function run(code: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  vm.runInNewContext(code, { module, exports: module.exports, require });
  return module.exports;
}

describe("jest's TypeScript transform (esbuild) behaves as the project's tsc output", () => {
  const transformer = createTransformer({ tsconfig: 'test/tsconfig.json' });

  test('modules are strict, as tsc emits them under "strict"', () => {
    const { code } = transformer.process('export const frozen = Object.freeze({ a: 1 });\nexport function assign(): void { (frozen as { a: number }).a = 2; }\n', 'strict.ts');
    // The error comes from another realm (vm), so it is matched by message.
    expect(() => (run(code).assign as () => void)()).toThrow(/Cannot assign to read only property 'a'/);
  });

  test('class fields follow the ES2022 target: a field declared in a subclass is defined, as tsc does', () => {
    const source = 'class Base { constructor() { (this as any).x = 1; } }\nexport class Sub extends Base { x?: number; }\n';
    const Sub = run(transformer.process(source, 'fields.ts').code).Sub as new () => { x?: number };
    expect(new Sub().x).toBeUndefined();
  });

  test('the cache key changes with the source and the path', () => {
    const key = transformer.getCacheKey('export const a = 1;', '/a.ts');
    expect(transformer.getCacheKey('export const a = 1;', '/a.ts')).toBe(key);
    expect(transformer.getCacheKey('export const a = 2;', '/a.ts')).not.toBe(key);
    expect(transformer.getCacheKey('export const a = 1;', '/b.ts')).not.toBe(key);
  });

  test('decorator metadata, which esbuild cannot emit, is refused rather than dropped', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-transform-'));
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), '// a comment line, as projen writes\n{ "compilerOptions": { "emitDecoratorMetadata": true } }\n');
    expect(() => createTransformer({ tsconfig: path.relative(path.join(__dirname, '..', '..'), path.join(dir, 'tsconfig.json')) }))
      .toThrow(/emitDecoratorMetadata is set, and the jest transform \(esbuild\) cannot emit decorator metadata/);
  });
});
