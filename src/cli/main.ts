#!/usr/bin/env node
/**
 * cdk-sovereign-bedrock command line.
 *
 *   cdk-sovereign-bedrock audit [--target ...] [--format table|json|markdown] [--region ...]
 *   cdk-sovereign-bedrock export --format cfct|lza|json --out DIR [...]
 *   cdk-sovereign-bedrock report [--audit FILE] [--traffic FILE] [--probe FILE] --out report.html [--pdf report.pdf]
 *   cdk-sovereign-bedrock probe [--services bedrock,agentcore] [--region ...] [--model PATH=ID] [--format ...]
 *   cdk-sovereign-bedrock traffic --logs DIR|FILE|s3://BUCKET/PREFIX [...]
 *   cdk-sovereign-bedrock --version
 */
import { AUDIT_USAGE, parseAuditArgs, runAuditCommand, UsageError } from './audit-command';
import { sdkClientOptions } from './aws-clients';
import { runExportCommand } from './export-command';
import { loadOrganizationsSdk, MissingSdkError } from './organizations-sdk';
import { CliOutput, finalExitCode, processOutput } from './output';
import { packageVersion } from './package-version';
import { parseProbeArgs, PROBE_USAGE, runProbeCommand } from './probe-command';
import { loadProbeSdks } from './probe-sdk';
import { parseReportArgs, REPORT_USAGE, runReportCommand } from './report-command';
import { runTrafficCommand } from './traffic-command';
import { OutputWriteError } from './write-export';
import { sdkOrganizationsApi } from '../core/organizations/sdk-organizations-api';
import { DEFAULT_PROBE_LIMITS } from '../core/probe/run-probe';
import { sdkProbeCallers } from '../core/probe/sdk-probe-callers';

const USAGE = `Usage: cdk-sovereign-bedrock <command> [options]

Commands:
  audit    report which accounts' service control policies keep Bedrock in Australia
  export   write the posture's SCPs for Customizations for Control Tower, Landing Zone Accelerator or as JSON
  report   one HTML (and PDF) evidence report from the audit, traffic replay and probe JSON
  probe    send one minimal request down each path and check the posture decides as it must
  traffic  replay CloudTrail logs through the posture: what was served abroad, what the posture would deny

Options:
  --version  print the package version
  --help

Run "cdk-sovereign-bedrock <command> --help" for a command's options.`;

export { packageVersion };

/**
 * Runs one command and returns its exit code. `io` defaults to the process's
 * stdout and stderr through `processOutput`, which ends quietly on a closed pipe.
 */
export async function main(argv: string[], io: CliOutput = processOutput()): Promise<number> {
  const code = await run(argv, io);
  await io.flush();
  const failure = io.writeFailure();
  if (failure) io.stderr(`${failure}\n`);
  return finalExitCode(code, io);
}

async function run(argv: string[], io: CliOutput): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'audit') {
      const args = parseAuditArgs(rest);
      if (args === 'help') {
        io.stdout(`${AUDIT_USAGE}\n`);
        return 0;
      }
      const sdk = loadOrganizationsSdk();
      // One attempt per SDK call: the audit retries throttling and timeouts itself.
      const client = new sdk.OrganizationsClient(sdkClientOptions({ region: args.region, timeoutMs: args.timeoutMs, maxAttempts: 1 }));
      return await runAuditCommand(sdkOrganizationsApi(sdk, client), args, io);
    }
    if (command === 'export') return runExportCommand(rest, io);
    if (command === 'report') {
      const args = parseReportArgs(rest);
      if (args === 'help') return (io.stdout(`${REPORT_USAGE}\n`), 0);
      return await runReportCommand(args, io);
    }
    if (command === 'probe') {
      const args = parseProbeArgs(rest);
      if (args === 'help') {
        io.stdout(`${PROBE_USAGE}\n`);
        return 0;
      }
      const callers = sdkProbeCallers(loadProbeSdks(args.services), DEFAULT_PROBE_LIMITS);
      try {
        return await runProbeCommand(callers, args, io, packageVersion());
      } finally {
        callers.destroy();
      }
    }
    if (command === 'traffic') return await runTrafficCommand(rest, io);
    if (command === '--version' || command === '-v' || command === 'version') {
      io.stdout(`${packageVersion()}\n`);
      return 0;
    }
    if (command === undefined || command === '--help' || command === 'help') {
      io.stdout(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    io.stderr(`unknown command "${command}"\n${USAGE}\n`);
    return 2;
  } catch (e) {
    if (e instanceof UsageError || e instanceof MissingSdkError || e instanceof OutputWriteError) {
      io.stderr(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 2;
  });
}
