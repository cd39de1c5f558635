import { parseArgs } from 'util';
import { UsageError } from './audit-command';
import { FlagMapping, toFlagMessage } from './flag-names';
import { POSTURE_FLAG_OPTIONS, POSTURE_FLAGS_USAGE, postureFlagProblems, postureOptionsFromFlags } from './posture-flags';
import { writeExport } from './write-export';
import { MAX_SCP_SIZE, MAX_SCPS_PER_TARGET } from '../core/quota-maximums';
import { PostureExport, PostureExportFormat } from '../export/posture-export';

export const EXPORT_USAGE = `Usage: cdk-sovereign-bedrock export --format cfct|lza|json --out DIR [options]

Writes the Australian Bedrock posture as SCP files for pipelines that deploy
SCPs themselves: Customizations for Control Tower (policies + manifest.yaml
block), Landing Zone Accelerator (policies + organization-config.yaml block)
or plain JSON.

Options:
  --format FORMAT             cfct, lza or json (required)
  --out DIR                   directory to write to (required; files are overwritten)
  --ou NAME                   a deployment target OU, as your pipeline names it (repeatable)
  --account ID                a deployment target account (repeatable)
${POSTURE_FLAGS_USAGE}
  --split                     two policies (profile lock, Region lock) instead of one
  --name-prefix PREFIX        prepended to policy and file names
  --max-policy-size N         SCP size limit in characters, at most 10240 (default: 10240);
                              a posture over it spills into more policy files (NAME-part2.json...)
  --max-policies-per-target N SCPs allowed per target, at most 10 (default: 10)
  --policies-attached-elsewhere N
                              SCPs already on each target, FullAWSAccess and guardrails (default: 1);
                              a spilled posture must fit the slots left
  --help`;

const FORMATS: Record<string, PostureExportFormat> = {
  cfct: PostureExportFormat.CFCT,
  lza: PostureExportFormat.LZA,
  json: PostureExportFormat.JSON,
};

/** Runs `export`; returns the exit code. Invalid options surface as UsageError (exit 2). */
export function runExportCommand(argv: string[], io: { stdout: (t: string) => void; stderr?: (t: string) => void }): number {
  let v;
  try {
    v = parseArgs({
      args: argv,
      options: {
        'format': { type: 'string' },
        'out': { type: 'string' },
        'ou': { type: 'string', multiple: true },
        'account': { type: 'string', multiple: true },
        ...POSTURE_FLAG_OPTIONS,
        'split': { type: 'boolean', default: false },
        'name-prefix': { type: 'string' },
        'max-policy-size': { type: 'string' },
        'max-policies-per-target': { type: 'string' },
        'policies-attached-elsewhere': { type: 'string' },
        'help': { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (v.help) {
    io.stdout(`${EXPORT_USAGE}\n`);
    return 0;
  }
  const problems: string[] = [];
  const format = FORMATS[v.format ?? ''];
  if (!format) problems.push(`--format: ${v.format === undefined ? 'is required' : `"${v.format}" is not one of cfct, lza, json`}`);
  if (!v.out) problems.push('--out: is required (the directory to write to)');
  const maxPolicySize = v['max-policy-size'] === undefined ? undefined : Number(v['max-policy-size']);
  if (maxPolicySize !== undefined && !(Number.isInteger(maxPolicySize) && maxPolicySize > 0 && maxPolicySize <= MAX_SCP_SIZE)) {
    problems.push(`--max-policy-size: must be an integer from 1 to ${MAX_SCP_SIZE} (AWS's largest SCP), got ${v['max-policy-size']}`);
  }
  problems.push(...postureFlagProblems(v));
  const maxPoliciesPerTarget = v['max-policies-per-target'] === undefined ? undefined : Number(v['max-policies-per-target']);
  if (maxPoliciesPerTarget !== undefined
    && !(Number.isInteger(maxPoliciesPerTarget) && maxPoliciesPerTarget >= 1 && maxPoliciesPerTarget <= MAX_SCPS_PER_TARGET)) {
    problems.push(`--max-policies-per-target: must be an integer from 1 to ${MAX_SCPS_PER_TARGET}, got ${v['max-policies-per-target']}`);
  }
  const policiesAttachedElsewhere = v['policies-attached-elsewhere'] === undefined ? undefined : Number(v['policies-attached-elsewhere']);
  if (policiesAttachedElsewhere !== undefined
    && !(Number.isInteger(policiesAttachedElsewhere) && policiesAttachedElsewhere >= 0 && policiesAttachedElsewhere < MAX_SCPS_PER_TARGET)) {
    problems.push(`--policies-attached-elsewhere: must be an integer from 0 to ${MAX_SCPS_PER_TARGET - 1}, got ${v['policies-attached-elsewhere']}`);
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));

  const posture = postureOptionsFromFlags(v);

  let files;
  let warnings: string[];
  try {
    ({ files, warnings } = PostureExport.toResult({
      format,
      targets: v.ou || v.account ? { organizationalUnits: v.ou, accounts: v.account } : undefined,
      options: posture.options,
      split: v.split,
      namePrefix: v['name-prefix'],
      maxPolicySize,
      maxPoliciesPerTarget,
      policiesAttachedElsewhere,
    }));
  } catch (e) {
    throw new UsageError(toFlagMessage((e as Error).message, exportFlags(posture.mappings)));
  }
  // The constructs' warnings and how the posture spilled, in flag terms, on stderr: the files are still written.
  for (const w of warnings) (io.stderr ?? ((t: string) => process.stderr.write(t)))(`warning: ${toFlagMessage(w, exportFlags(posture.mappings))}\n`);
  for (const written of writeExport(files, v.out!)) io.stdout(`wrote ${written}\n`);
  return 0;
}

/** Props of the export as the command's flags, for messages; the posture's own come from its flags. */
function exportFlags(postureMappings: FlagMapping[]): FlagMapping[] {
  return [
    { prop: 'targets.organizationalUnits', flag: '--ou' },
    { prop: 'targets.accounts', flag: '--account' },
    { prop: 'targets', flag: '--ou/--account' },
    ...postureMappings,
    { prop: 'namePrefix', flag: '--name-prefix' },
    { prop: 'maxPolicySize', flag: '--max-policy-size' },
    { prop: 'maxPoliciesPerTarget', flag: '--max-policies-per-target' },
    { prop: 'policiesAttachedElsewhere', flag: '--policies-attached-elsewhere' },
    { prop: 'split', flag: '--split' },
    { prop: 'format', flag: '--format' },
  ];
}
