import { parseArgs } from 'util';
import { CommandIo, UsageError } from './audit-command';
import { SYDNEY_CATALOG } from '../core/catalog/sydney-catalog.generated';
import { AUSTRALIA } from '../core/geography';
import { NOT_PROBED, PROBE_ORIGINS, PROBE_PATH_ROWS, PROBE_SERVICES, ProbePath, probePaths, ProbeService } from '../core/probe/probe-paths';
import { probeExitCode, renderProbeMarkdown, renderProbeTable } from '../core/probe/probe-report';
import { DEFAULT_PROBE_LIMITS, PROBE_MAX_TOKENS, PROBE_PROMPT, ProbeCallers, runProbe } from '../core/probe/run-probe';
import { isKnownRegion } from '../core/regions';
import { ValidationErrors } from '../core/validation-errors';
import { checkRegions } from '../core/validators';

export const PROBE_USAGE = `Usage: cdk-sovereign-bedrock probe [options]

Sends one minimal request down each path with your credentials, in an account
under the posture, and reports whether the posture decided as it must: on-demand
models in the origin Region and au. profiles work; apac. and global. profiles and
direct calls in us-east-1 are denied by a service control policy.

Each Converse request is non-streaming, asks for at most ${PROBE_MAX_TOKENS} output token and sends
the fixed prompt "${PROBE_PROMPT}" (never your data): ${PROBE_PATH_ROWS.length} requests per run
when every service is probed, each with at most ${DEFAULT_PROBE_LIMITS.maxAttempts} attempts and a
${DEFAULT_PROBE_LIMITS.timeoutMs / 1000}-second limit.

Options:
  --services LIST   comma-separated: ${PROBE_SERVICES.join(', ')} (default: all; bedrock = the Bedrock Runtime paths)
  --region REGION   origin Region of the calls: ${PROBE_ORIGINS.join(' or ')} (default: ap-southeast-2)
  --model PATH=ID   replace the catalog's model for one path (repeatable). Paths:
                    ${PROBE_PATH_ROWS.map((r) => r.name).join(', ')}
  --format FORMAT   table (default), json or markdown (an evidence record)
  --help

Not probed (no AWS SDK client): ${NOT_PROBED.map((n) => n.surface).join(', ')}.

Exit codes: 0 every path decided as expected; 1 a must-deny path was reached or a
must-work path was denied by an SCP; 2 a path was inconclusive, or bad usage.`;

export interface ProbeArgs {
  readonly services: ProbeService[];
  readonly region: string;
  readonly format: 'table' | 'json' | 'markdown';
  readonly paths: ProbePath[];
}

/** Parses and validates the flags; every problem is reported at once, naming the flag. */
export function parseProbeArgs(argv: string[]): ProbeArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        services: { type: 'string' },
        region: { type: 'string', default: 'ap-southeast-2' },
        model: { type: 'string', multiple: true, default: [] },
        format: { type: 'string', default: 'table' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const errors = new ValidationErrors();
  if (!['table', 'json', 'markdown'].includes(v.format!)) errors.add('--format', `"${v.format}" is not one of table, json, markdown`);
  const services: ProbeService[] = [];
  if (v.services !== undefined) {
    v.services.split(',').map((s) => s.trim()).filter((s) => s.length > 0).forEach((s, i) => {
      const unprobed = NOT_PROBED.find((n) => n.surface === s);
      if (unprobed) errors.add(`--services (item ${i + 1})`, `"${s}" cannot be probed: ${unprobed.reason}`);
      else if (!(PROBE_SERVICES as readonly string[]).includes(s)) errors.add(`--services (item ${i + 1})`, `"${s}" is not one of ${PROBE_SERVICES.join(', ')}`);
      else if (!services.includes(s as ProbeService)) services.push(s as ProbeService);
    });
    if (services.length === 0 && errors.count === 0) errors.add('--services', `is empty. Give one or more of ${PROBE_SERVICES.join(', ')}`);
  }
  const region = v.region!;
  checkRegions('--region', [region], errors);
  if (isKnownRegion(region) && !PROBE_ORIGINS.includes(region)) {
    // The probe proves the posture for calls made from its origins; calls from anywhere else are denied
    // by the Region rules before any path is tested, so the run would prove nothing about the paths.
    errors.add('--region', `"${region}" is not an origin of the ${AUSTRALIA.name} posture: run the probe from ${PROBE_ORIGINS.join(' or ')}, `
      + 'where the posture lets calls start; from anywhere else every call is denied by Region and no path is tested');
  }
  const overrides: Record<string, string> = {};
  (v.model as string[]).forEach((m, i) => {
    const eq = m.indexOf('=');
    if (eq <= 0 || eq === m.length - 1) {
      errors.add(`--model (value ${i + 1})`, `"${m}" is not PATH=MODEL_ID, e.g. au-profile=au.anthropic.claude-sonnet-4-5-20250929-v1:0`);
    } else if (overrides[m.slice(0, eq)] !== undefined) {
      errors.add(`--model (value ${i + 1})`, `path "${m.slice(0, eq)}" is given twice`);
    } else {
      overrides[m.slice(0, eq)] = m.slice(eq + 1);
    }
  });
  const chosen = services.length > 0 ? services : [...PROBE_SERVICES];
  const paths = probePaths(SYDNEY_CATALOG, { originRegion: region, services: chosen, modelOverrides: overrides }, errors, '--model');
  if (errors.count > 0) throw new UsageError(errors.all.join('\n'));
  return { services: chosen, region, format: v.format as ProbeArgs['format'], paths };
}

/** Runs the probe with the given callers and writes the report; returns the exit code. */
export async function runProbeCommand(callers: ProbeCallers, args: ProbeArgs, io: CommandIo, version: string): Promise<number> {
  const report = await runProbe({
    paths: args.paths,
    callers,
    originRegion: args.region,
    version,
    now: io.now,
    onPath: (p) => { if (io.stderrIsTty) io.stderr(`probing ${p.name} (${p.region}, ${p.modelId})\n`); },
  });
  const text = args.format === 'json' ? JSON.stringify(report, null, 2) : args.format === 'markdown' ? renderProbeMarkdown(report) : renderProbeTable(report);
  io.stdout(`${text}\n`);
  return probeExitCode(report);
}
