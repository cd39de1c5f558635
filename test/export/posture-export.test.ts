import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { ExportedFile, PostureExport, PostureExportFormat, PostureExportProps, ResidencyPolicies } from '../../src';
import { writeExport } from '../../src/cli/write-export';
import { toYaml, YamlVerbatim } from '../../src/core/export/yaml';

function errorOf(fn: () => void): string {
  try { fn(); } catch (e) { return (e as Error).message; }
  throw new Error('expected an error');
}

const byPath = (files: ExportedFile[]) => Object.fromEntries(files.map((f) => [f.path, f.content]));
const targets = { organizationalUnits: ['Workloads', 'Sandbox/Team A'], accounts: ['012345678901', 'Prod-Payments'] };

describe('CfCT: policies/NAME.json and manifest.yaml', () => {
  test('the combined posture: exact manifest structure, and a policy file byte-identical to ResidencyPolicies.posture()', () => {
    const files = byPath(PostureExport.toFiles({ format: PostureExportFormat.CFCT, targets }));
    expect(Object.keys(files)).toEqual(['policies/au-bedrock-residency.json', 'manifest.yaml']);
    expect(files['policies/au-bedrock-residency.json']).toBe(JSON.stringify(ResidencyPolicies.posture()));
    expect(parse(files['manifest.yaml'])).toEqual({
      region: 'ap-southeast-2',
      version: '2021-03-15',
      resources: [{
        name: 'au-bedrock-residency',
        description: 'Keeps Amazon Bedrock in Australia: only au.* profiles, calls only from ap-southeast-2, nothing served outside Sydney and Melbourne. '
          + 'Covers bedrock, bedrock-mantle, bedrock-agentcore, bedrock-websearch, agent-registry. No Claude Platform on AWS or Amazon Nova Act.',
        resource_file: 'policies/au-bedrock-residency.json',
        deploy_method: 'scp',
        deployment_targets: {
          organizational_units: ['Workloads', 'Sandbox/Team A'],
          accounts: ['012345678901', 'Prod-Payments'],
        },
      }],
    });
  });

  test('the manifest reads as the CfCT documentation writes it (version unquoted, account IDs quoted)', () => {
    const manifest = byPath(PostureExport.toFiles({ format: PostureExportFormat.CFCT, targets }))['manifest.yaml'];
    expect(manifest).toMatchSnapshot();
    expect(manifest).toContain('\nversion: 2021-03-15\n');
    expect(manifest).toContain('        - "012345678901"\n'); // a plain 012345678901 would lose its leading zero
  });

  test('split, with a prefix, options and a home Region: two resources, each file byte-identical to its ResidencyPolicies document', () => {
    const options = { allowedRegions: ['ap-southeast-2', 'ap-southeast-4'], exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlass'] };
    const files = byPath(PostureExport.toFiles({
      format: PostureExportFormat.CFCT, targets: { organizationalUnits: ['Workloads'] }, options, split: true, namePrefix: 'acme-', homeRegion: 'ap-southeast-4',
    }));
    expect(files['policies/acme-au-only-inference.json']).toBe(JSON.stringify(ResidencyPolicies.auOnlyInference(options)));
    expect(files['policies/acme-region-allowlist.json']).toBe(JSON.stringify(ResidencyPolicies.regionAllowlist(options)));
    const manifest = parse(files['manifest.yaml']);
    expect(manifest.region).toBe('ap-southeast-4');
    expect(manifest.resources.map((r: any) => [r.name, r.resource_file, r.deployment_targets])).toEqual([
      ['acme-au-only-inference', 'policies/acme-au-only-inference.json', { organizational_units: ['Workloads'] }],
      ['acme-region-allowlist', 'policies/acme-region-allowlist.json', { organizational_units: ['Workloads'] }],
    ]);
    expect(manifest.resources[1].description).toMatch(/^Denies Amazon Bedrock outside ap-southeast-2, ap-southeast-4;/);
  });
});

describe('LZA: service-control-policies/NAME.json and an organization-config.yaml snippet', () => {
  test('exact structure', () => {
    const files = byPath(PostureExport.toFiles({ format: PostureExportFormat.LZA, targets: { organizationalUnits: ['Workloads/Prod'], accounts: ['Payments'] } }));
    expect(Object.keys(files)).toEqual(['service-control-policies/au-bedrock-residency.json', 'organization-config.yaml']);
    expect(files['service-control-policies/au-bedrock-residency.json']).toBe(JSON.stringify(ResidencyPolicies.posture()));
    expect(parse(files['organization-config.yaml'])).toEqual({
      serviceControlPolicies: [{
        name: 'au-bedrock-residency',
        description: expect.stringMatching(/^Keeps Amazon Bedrock in Australia/),
        policy: 'service-control-policies/au-bedrock-residency.json',
        type: 'customerManaged',
        deploymentTargets: { organizationalUnits: ['Workloads/Prod'], accounts: ['Payments'] },
      }],
    });
    expect(files['organization-config.yaml']).toMatchSnapshot();
  });
});

describe('JSON: the minified policy files only', () => {
  test('no targets needed', () => {
    const files = PostureExport.toFiles({ format: PostureExportFormat.JSON, split: true });
    expect(files.map((f) => f.path)).toEqual(['policies/au-only-inference.json', 'policies/region-allowlist.json']);
    expect(files[0].content).toBe(JSON.stringify(ResidencyPolicies.auOnlyInference()));
  });
});

describe('every YAML file references only policy files of the export', () => {
  test.each([
    ['cfct combined', { format: PostureExportFormat.CFCT, targets }],
    ['cfct split', { format: PostureExportFormat.CFCT, targets, split: true }],
    ['lza combined', { format: PostureExportFormat.LZA, targets }],
    ['lza split', { format: PostureExportFormat.LZA, targets, split: true, namePrefix: 'org_1-' }],
  ])('%s', (_name, props) => {
    const files = byPath(PostureExport.toFiles(props as PostureExportProps));
    const yamlFile = Object.keys(files).find((p) => p.endsWith('.yaml'))!;
    const doc = parse(files[yamlFile]);
    const referenced: string[] = (doc.resources ?? doc.serviceControlPolicies).map((r: any) => r.resource_file ?? r.policy);
    const policyFiles = Object.keys(files).filter((p) => p.endsWith('.json'));
    expect(referenced.sort()).toEqual(policyFiles.sort());
    for (const p of policyFiles) expect(() => JSON.parse(files[p])).not.toThrow();
  });
});

describe('validation: every problem at once, naming the option and the accepted form', () => {
  test('empty targets for cfct and lza', () => {
    expect(errorOf(() => PostureExport.toFiles({ format: PostureExportFormat.CFCT }))).toMatch(
      /^PostureExport\.toFiles: invalid props \(1 problem\):\n {2}- targets: must name at least one organizational unit or account for cfct\. Use OU names as CfCT knows them/);
    expect(errorOf(() => PostureExport.toFiles({ format: PostureExportFormat.LZA, targets: { organizationalUnits: [], accounts: [] } }))).toMatch(
      /targets: must name at least one organizational unit or account for lza\. Use OU names or paths as organization-config\.yaml names them/);
  });

  test('bad names, targets, options and settings are reported together', () => {
    const msg = errorOf(() => PostureExport.toFiles({
      format: 'yaml' as PostureExportFormat,
      targets: { organizationalUnits: ['Workloads', 'Workloads', ' Padded', ''], accounts: ['12345', 'Line\nbreak'] },
      namePrefix: 'acme corp/',
      maxPolicySize: 0,
      homeRegion: 'sydney',
      options: { allowedRegions: ['ap-southeast2'], allowedProfilePrefixes: ['au'] },
    }));
    expect(msg).toMatch(/invalid props \(12 problems\)/);
    for (const line of [
      '- format: "yaml" is not an export format. Use one of cfct, lza, json',
      '- targets.organizationalUnits[1]: "Workloads" is listed more than once',
      '- targets.organizationalUnits[2]: " Padded" has leading or trailing spaces',
      '- targets.organizationalUnits[3]: must be a non-empty string',
      '- targets.accounts[0]: "12345" looks like an account ID but is not 12 digits',
      '- targets.accounts[1]: must not contain control characters or line breaks',
      '- namePrefix: "acme corp/" is not a valid prefix. Use letters, digits, - and _',
      '- maxPolicySize: must be an integer of at least 1 and at most 10240, got 0',
      '- homeRegion: is only used with format cfct',
      '- homeRegion: "sydney" is not a Region name',
      '- allowedProfilePrefixes[0]: "au" is not a system inference profile prefix',
      '- allowedRegions[0]: "ap-southeast2" is not a Region name',
    ]) expect(msg).toContain(line);
  });

  test('a policy over the size limit spills into more files; only a budget too small is an error', () => {
    const exemptPrincipalArns = Array.from({ length: 80 }, (_, i) => `arn:aws:iam::*:role/break-glass-role-number-${i}`);
    const big: PostureExportProps = { format: PostureExportFormat.CFCT, targets: { organizationalUnits: ['Workloads'] }, options: { exemptPrincipalArns } };
    const size = JSON.stringify(ResidencyPolicies.posture({ exemptPrincipalArns }, { reportOversize: true })).length;
    expect(size).toBeGreaterThan(10240);
    const result = PostureExport.toResult(big);
    const policyFiles = result.files.filter((f) => f.path.startsWith('policies/'));
    expect(policyFiles.map((f) => f.path)).toEqual(['policies/au-bedrock-residency.json', 'policies/au-bedrock-residency-part2.json']);
    expect(policyFiles.every((f) => f.content.length <= 10240)).toBe(true);
    // Every statement of the posture is in exactly one file, whole.
    const statements = policyFiles.flatMap((f) => JSON.parse(f.content).Statement);
    expect(statements).toEqual(expect.arrayContaining(ResidencyPolicies.posture({ exemptPrincipalArns }, { reportOversize: true }).Statement));
    expect(statements).toHaveLength(ResidencyPolicies.posture({ exemptPrincipalArns }, { reportOversize: true }).Statement.length);
    expect(result.warnings).toEqual([expect.stringMatching(/^policy au-bedrock-residency is over the SCP size quota of 10240 characters: it spans 2 SCPs \(au-bedrock-residency \d+, au-bedrock-residency-part2 \d+ characters\), taking 2 of the 9 SCP slots/)]);
    const manifest = result.files.find((f) => f.path === 'manifest.yaml')!.content;
    expect(manifest).toContain('resource_file: policies/au-bedrock-residency-part2.json');
    expect(manifest).toContain('# policy au-bedrock-residency is over the SCP size quota');
    expect(PostureExport.toFiles(big).map((f) => f.path)).toEqual(result.files.map((f) => f.path));
    // A budget of one slot cannot hold it: the error says how many exemptions would fit.
    expect(errorOf(() => PostureExport.toFiles({ ...big, policiesAttachedElsewhere: 9 }))).toMatch(
      /maxPoliciesPerTarget: policy au-bedrock-residency: the posture needs 2 SCPs \(\d+ \+ \d+ characters\) and the budget is 1 SCP slot of 10240 characters: the budget holds this posture with the first \d+ of its 80 exemptions/);
    // A stricter size than AWS's is the user's to raise again.
    expect(errorOf(() => PostureExport.toFiles({ format: PostureExportFormat.JSON, maxPolicySize: 1000, policiesAttachedElsewhere: 8 })))
      .toContain('or raise maxPolicySize (AWS allows at most 10240)');
  });

  test('a prefix that would make a policy name longer than 128 characters', () => {
    expect(errorOf(() => PostureExport.toFiles({ format: PostureExportFormat.JSON, namePrefix: 'p'.repeat(120) })))
      .toMatch(/namePrefix: is 120 characters long; policy names may have at most 128, so use at most 101/);
  });
});

describe('the YAML emitter', () => {
  test('quotes every string a YAML reader could take for something else, and round-trips', () => {
    const tricky = ['yes', 'No', 'on', 'null', '~', '123', '0x1F', '1e3', '2021-03-15', '012345678901', '- dash', 'a: b', 'a #b', '#c',
      '"quoted"', "it's", 'back\\slash', 'tab\there', 'new\nline', 'Ünïcödé', '🦘 emoji', '', ' lead', 'trail ', '*', '&a', '!tag', '@at', '`tick', '[x]', '{y}', '%p', '|', '>'];
    const text = toYaml({ 'list': tricky, 'key: with colon': 'v', 'plain': 'Workloads/Prod-1_a.b', 'empty': [], 'obj': {}, 'n': 3, 'b': false, 'v': new YamlVerbatim('2021-03-15') });
    expect(parse(text)).toEqual({ 'list': tricky, 'key: with colon': 'v', 'plain': 'Workloads/Prod-1_a.b', 'empty': [], 'obj': {}, 'n': 3, 'b': false, 'v': '2021-03-15' });
    expect(text).toContain('\nplain: Workloads/Prod-1_a.b\n');
    // YAML 1.1 readers (PyYAML, which CfCT uses) know more booleans and numbers: the strings survive them too.
    expect(parse(text, { version: '1.1' }).list).toEqual(tricky);
    expect(/^[\x20-\x7e\n]*$/.test(text)).toBe(true); // ASCII only
  });

  test('nested sequences of mappings', () => {
    const doc = { a: [{ b: [{ c: 'd', e: ['f'] }], g: 'h' }, ['i', ['j']]] };
    expect(parse(toYaml(doc))).toEqual(doc);
  });
});

describe('writeExport (for the export command)', () => {
  test('writes every file under the output directory, creating folders', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'posture-export-'));
    const files = PostureExport.toFiles({ format: PostureExportFormat.LZA, targets: { organizationalUnits: ['Workloads'] } });
    const written = writeExport(files, path.join(out, 'lza'));
    expect(written).toEqual(files.map((f) => path.join(out, 'lza', ...f.path.split('/'))));
    for (const f of files) expect(fs.readFileSync(path.join(out, 'lza', f.path), 'utf8')).toBe(f.content);
  });

  test.each(['/etc/passwd', '../outside.json', 'policies/../../x', 'a//b', 'a\\b', ''])('refuses %j before writing anything', (bad) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'posture-export-'));
    expect(() => writeExport([{ path: 'ok.json', content: '{}' }, { path: bad, content: 'x' }], out)).toThrow(/is not a plain relative path/);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});

describe('Control Tower OU Region deny parameters', () => {
  test('written for every format, with both Australian Regions, for enable-control --parameters file://', () => {
    for (const format of [PostureExportFormat.CFCT, PostureExportFormat.LZA, PostureExportFormat.JSON]) {
      const files = byPath(PostureExport.toFiles({
        format, targets, controlTowerRegionDeny: { exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlassAdmin'], additionalAllowedRegions: ['us-east-1'] },
      }));
      expect(JSON.parse(files['control-tower/ou-region-deny-parameters.json'])).toEqual([
        { key: 'AllowedRegions', value: ['ap-southeast-2', 'ap-southeast-4', 'us-east-1'] },
        {
          key: 'ExemptedPrincipalArns',
          value: [
            'arn:aws:iam::*:role/AWSControlTowerExecution',
            'arn:aws:iam::*:role/aws-controltower-ConfigRecorderRole',
            'arn:aws:iam::*:role/aws-controltower-ForwardSnsNotificationRole',
            'arn:aws:iam::*:role/AWSControlTower_VPCFlowLogsRole',
            'arn:aws:iam::*:role/BreakGlassAdmin',
          ],
        },
      ]);
    }
  });

  test('not written unless asked; its problems are reported with the others', () => {
    expect(Object.keys(byPath(PostureExport.toFiles({ format: PostureExportFormat.JSON })))).not.toContain('control-tower/ou-region-deny-parameters.json');
    const message = errorOf(() => PostureExport.toFiles({
      format: PostureExportFormat.LZA, targets, namePrefix: 'bad prefix', controlTowerRegionDeny: { exemptPrincipalArns: ['arn:aws:iam::*:role/*'] },
    }));
    expect(message).toMatch(/namePrefix: "bad prefix"/);
    expect(message).toContain('controlTowerRegionDeny.exemptPrincipalArns[0]: "arn:aws:iam::*:role/*" matches every role');
  });
});

describe('toResult: the files and the constructs\' warnings', () => {
  test('leaving Mantle, AgentCore or web search open warns as the constructs do', () => {
    const bedrockOnly = PostureExport.toResult({ format: PostureExportFormat.JSON, options: { coveredServices: ['bedrock'] as any } });
    expect(bedrockOnly.files.map((f) => f.path)).toEqual(['policies/au-bedrock-residency.json']);
    expect(bedrockOnly.warnings).toEqual(expect.arrayContaining([
      expect.stringMatching(/^coveredServices: bedrock-mantle:\* is not covered/),
      expect.stringMatching(/^coveredServices: bedrock-agentcore:\* is not covered/),
    ]));
    const noMantle = PostureExport.toResult({ format: PostureExportFormat.JSON, options: { includeBedrockMantle: false } });
    expect(noMantle.warnings).toContainEqual(expect.stringMatching(/^coveredServices: bedrock-mantle:\* is not covered/));
  });

  test('a wildcard in an exemption name, an acknowledged account-wide exemption and a Bedrock action exempted from the Region deny warn', () => {
    const { warnings } = PostureExport.toResult({
      format: PostureExportFormat.JSON,
      options: {
        exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlass*', 'arn:aws:iam::111122223333:role/*'],
        acknowledgedAccountWideExemptions: ['arn:aws:iam::111122223333:role/*'],
      },
      controlTowerRegionDeny: { exemptedActions: ['bedrock:InvokeModel'], exemptPrincipalArns: ['arn:aws:iam::*:role/Ops?'] },
    });
    expect(warnings).toEqual([
      expect.stringMatching(/^exemptPrincipalArns: "arn:aws:iam::111122223333:role\/\*" exempts every principal it names in account 111122223333 \(acknowledged\)/),
      expect.stringMatching(/^exemptPrincipalArns: .*also role\/BreakGlassTeamApp/),
      expect.stringMatching(/^controlTowerRegionDeny\.exemptPrincipalArns: .*any role named like OpsX/),
      expect.stringMatching(/^controlTowerRegionDeny\.exemptedActions: "bedrock:InvokeModel" takes bedrock out of the Region deny/),
    ]);
  });

  test('the default export has no warning, and the same refusals as toFiles', () => {
    expect(PostureExport.toResult({ format: PostureExportFormat.JSON }).warnings).toEqual([]);
    expect(() => PostureExport.toResult({ format: PostureExportFormat.JSON, options: { exemptPrincipalArns: ['arn:aws:iam::*:role/*a*'] } }))
      .toThrow(/exemptPrincipalArns\[0\]: .*also matches ordinary roles/);
  });
});
