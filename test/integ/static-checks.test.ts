import * as fs from 'fs';
import * as path from 'path';
import { buildProgram, lint, typeCheck } from '../../build-tools/static-checks';

// The scratch file sits inside the repository so the project's eslint configuration applies to it.
const SCRATCH = path.join(__dirname, `static-checks-scratch-${process.pid}`);

/** Type errors and eslint errors `npm test`'s static checks find in one file, with their reports. */
async function check(source: string): Promise<{ types: number; lintErrors: number; report: string }> {
  fs.mkdirSync(SCRATCH, { recursive: true });
  const file = path.join(SCRATCH, 'subject.ts');
  fs.writeFileSync(file, source);
  try {
    let report = '';
    const { program } = buildProgram([file]);
    const types = typeCheck(program, [], (t) => { report += t; return true; });
    const lintErrors = await lint(program, [file], (t) => { report += t; return true; });
    return { types, lintErrors, report };
  } finally {
    fs.rmSync(SCRATCH, { recursive: true, force: true });
  }
}

describe("npm test's static checks: one program for the type-check and eslint", () => {
  test('a clean file passes both', async () => {
    const result = await check('export async function send(): Promise<number> {\n  return 1;\n}\n\nexport async function caller(): Promise<number> {\n  return send();\n}\n');
    expect(result).toEqual({ types: 0, lintErrors: 0, report: '' });
  });

  test('a type error fails the type-check; a floating promise fails a typed lint rule, which reads the shared program', async () => {
    const result = await check("export async function send(): Promise<void> {\n  return;\n}\n\nexport function caller(): void {\n  send();\n}\n\nexport const n: number = 'text';\n");
    expect(result.types).toBe(1);
    expect(result.report).toMatch(/subject\.ts\(9,14\): error TS2322: Type 'string' is not assignable to type 'number'/);
    expect(result.lintErrors).toBe(1);
    expect(result.report).toMatch(/6:3\s+error\s+Promises must be awaited.*@typescript-eslint\/no-floating-promises/);
  });
});
