/**
 * Seeded sequences of CloudFormation requests against the three deploy-time
 * handlers, with the organization changing between deployments (a Sydney-only
 * Region deny added, an OU renamed, a target filled to its SCP limit), later
 * resources failing (so CloudFormation rolls back) and throttling that
 * outlasts every retry while it does.
 *
 * CloudFormation is modelled both ways it can roll back a custom resource
 * whose physical ID changed: an Update back to the old properties sent to the
 * new physical ID, or a Delete of the new one. The properties: no rollback
 * step ever fails, and a forward change the check must refuse is still refused.
 */
import * as fc from 'fast-check';
import { ResidencyPolicies } from '../../src';
import { CustomResourceEvent, CustomResourceResult } from '../../src/core/deploy/custom-resource-event';
import { onOuPathEvent } from '../../src/core/deploy/ou-path-handler';
import { digestsOf, propertiesDigest } from '../../src/core/deploy/rollback';
import { onScpConflictCheckEvent } from '../../src/core/deploy/scp-conflict-check-handler';
import { onScpSlotGuardEvent } from '../../src/core/deploy/scp-slot-guard-handler';
import { OrganizationsApi, OrgEntity, Page } from '../../src/core/organizations/organizations-api';
import { FULL_AWS_ACCESS, landingZoneRegionDeny } from '../helpers/control-tower-scps';

const ROOT = 'r-ab12';
const WORKLOADS = 'ou-ab12-workload';
const PROD = 'ou-ab12-prodprod';
const SANDBOX = 'ou-ab12-sandboxx';
const NO_WAIT = { attempts: 3, sleep: async () => {}, random: () => 0 };
const POSTURE = JSON.stringify(ResidencyPolicies.posture());
const POSTURE_V2 = JSON.stringify(ResidencyPolicies.posture({ exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlassAdmin'] }));
const POSTURE_V3 = JSON.stringify(ResidencyPolicies.posture({ exemptPrincipalArns: ['arn:aws:iam::*:role/EmergencyAccess'] }));

/** The organization as the fake Organizations API serves it; the sequence changes it between deployments. */
interface World {
  sydneyOnlyDeny: boolean;
  /** Names of Workloads' child OUs, by ID (renames change them). */
  names: Record<string, string>;
  /** Extra SCPs attached to Prod, filling its slots. */
  extraOnProd: number;
  /** Every call throws TooManyRequestsException. */
  throttled: boolean;
}

const throttle = () => Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 400 } });

function fakeApi(world: World): OrganizationsApi {
  const guard = <T>(f: () => T) => async (..._args: unknown[]): Promise<T> => {
    if (world.throttled) throw throttle();
    return f();
  };
  const page = <T>(items: T[]): Page<T> => ({ items });
  const attached = (id: string): OrgEntity[] => [
    { id: 'p-fullaws', name: 'FullAWSAccess' },
    ...(id === ROOT && world.sydneyOnlyDeny ? [{ id: 'p-regiondeny', name: 'aws-guardrails-RegionDeny' }] : []),
    ...(id === PROD ? Array.from({ length: world.extraOnProd }, (_, i) => ({ id: `p-extra${i}`, name: `extra-${i}` })) : []),
  ];
  const docs: Record<string, unknown> = { 'p-fullaws': FULL_AWS_ACCESS, 'p-regiondeny': landingZoneRegionDeny(['ap-southeast-2']) };
  return {
    describeOrganization: guard(() => ({ id: 'o-abcdefghij', managementAccountId: '111111111111' })),
    listRoots: guard(() => page([{ id: ROOT, name: 'Root' }])),
    listOrganizationalUnitsForParent: async (parent: string) => {
      if (world.throttled) throw throttle();
      if (parent === ROOT) return page([{ id: WORKLOADS, name: 'Workloads' }, { id: SANDBOX, name: 'Sandbox' }]);
      if (parent === WORKLOADS) return page(Object.entries(world.names).map(([id, name]) => ({ id, name })));
      return page([]);
    },
    listAccountsForParent: guard(() => page([])),
    listPoliciesForTarget: async (target: string) => {
      if (world.throttled) throw throttle();
      return page(attached(target));
    },
    describePolicy: async (id: string) => {
      if (world.throttled) throw throttle();
      const name = id === 'p-fullaws' ? 'FullAWSAccess' : id === 'p-regiondeny' ? 'aws-guardrails-RegionDeny' : id;
      return { id, name, content: JSON.stringify(docs[id] ?? FULL_AWS_ACCESS) };
    },
    listPolicies: guard(() => page([])),
    listTargetsForPolicy: guard(() => page([])),
    listParents: async (child: string) => {
      if (world.throttled) throw throttle();
      return [child === PROD ? { id: WORKLOADS, type: 'ORGANIZATIONAL_UNIT' } : { id: ROOT, type: 'ROOT' }];
    },
    describeOrganizationalUnit: guard(() => ({ id: PROD })),
    describeAccount: guard(() => ({ id: '111111111111' })),
  };
}

/** One handler under test: the property sets a deployment can choose from and how to call it. */
interface Subject {
  readonly name: string;
  /** Sequences per model: the conflict check evaluates the whole posture per target, so it gets fewer. */
  readonly runs: number;
  readonly pool: readonly Record<string, unknown>[];
  readonly handle: (e: CustomResourceEvent, world: World) => Promise<CustomResourceResult>;
  /** Whether a judged forward request with these properties must be refused in this organization. */
  readonly mustRefuse: (props: Record<string, unknown>, world: World) => boolean;
}

const checked = (targets: string[], doc = POSTURE) => [{ Name: 'bedrock-au-residency', Document: doc, TargetIds: targets, AllowedRegions: ['ap-southeast-2'] }];
const guarded = (targets: string[], name = 'bedrock-au-residency') => [{ Key: 'Posture1A2B', Name: name, TargetIds: targets }];

const SUBJECTS: Subject[] = [{
  name: 'ScpConflictCheck',
  runs: 25,
  // Every pair differs on at least one target, so moving between them is a change to judge.
  pool: [checked([PROD]), checked([PROD], POSTURE_V2), checked([SANDBOX]), checked([PROD, SANDBOX], POSTURE_V3)]
    .map((Policies) => ({ ServiceToken: 'arn:aws:lambda:ap-southeast-2:111111111111:function:check', Policies, OnConflict: 'FAIL' })),
  handle: (e, world) => onScpConflictCheckEvent(e, { api: fakeApi(world), retry: NO_WAIT }),
  mustRefuse: (_props, world) => world.sydneyOnlyDeny,
}, {
  name: 'ScpSlotGuard',
  runs: 200,
  pool: [guarded([PROD]), guarded([PROD], 'bedrock-au-residency-v2'), guarded([SANDBOX]), guarded([PROD, SANDBOX], 'bedrock-au-only')]
    .map((Policies) => ({ ServiceToken: 'arn:aws:lambda:ap-southeast-2:111111111111:function:guard', Policies, MaxPoliciesPerTarget: '5' })),
  handle: (e, world) => onScpSlotGuardEvent(e, { api: fakeApi(world), retry: NO_WAIT }),
  // Prod holds FullAWSAccess and the extras: one more over 5 cannot attach (unless it is already there, which the fake never lists).
  mustRefuse: (props, world) => (props.Policies as { TargetIds: string[] }[]).some((p) => p.TargetIds.includes(PROD)) && 1 + world.extraOnProd >= 5,
}, {
  name: 'OrganizationalUnitPath',
  runs: 200,
  pool: ['Root/Workloads/Prod', 'Root/Workloads/Production', 'Root/Workloads/Dev', 'Root/Sandbox']
    .map((Path) => ({ ServiceToken: 'arn:aws:lambda:ap-southeast-2:111111111111:function:ou', Path })),
  handle: (e, world) => onOuPathEvent(e, { api: fakeApi(world), retry: NO_WAIT }),
  // A path whose last name no OU has now cannot resolve.
  mustRefuse: (props, world) => {
    const path = props.Path as string;
    return path.startsWith('Root/Workloads/') && !Object.values(world.names).includes(path.split('/')[2]);
  },
}];

type Change = 'none' | 'addSydneyOnlyDeny' | 'fixDeny' | 'renameProd' | 'renameBack' | 'fillProd' | 'freeProd';
interface Step {
  readonly kind: 'deploy' | 'delete';
  readonly props: number;
  readonly change: Change;
  /** A later resource fails after this one succeeded: CloudFormation rolls back. */
  readonly laterFails: boolean;
  /** Throttling that outlasts every retry while CloudFormation rolls back. */
  readonly throttleRollback: boolean;
}

const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom<Step['kind']>('deploy', 'deploy', 'deploy', 'delete'),
  props: fc.nat(3),
  change: fc.constantFrom<Change>('none', 'addSydneyOnlyDeny', 'fixDeny', 'renameProd', 'renameBack', 'fillProd', 'freeProd'),
  laterFails: fc.boolean(),
  throttleRollback: fc.boolean(),
});

function applyChange(world: World, change: Change): void {
  if (change === 'addSydneyOnlyDeny') world.sydneyOnlyDeny = true;
  if (change === 'fixDeny') world.sydneyOnlyDeny = false;
  if (change === 'renameProd') world.names[PROD] = 'Production';
  if (change === 'renameBack') world.names[PROD] = 'Prod';
  if (change === 'fillProd') world.extraOnProd = 4;
  if (change === 'freeProd') world.extraOnProd = 0;
}

const counts = { sequences: 0, requests: 0, rollbackSteps: 0, refusedForward: 0 };

/** Runs one sequence; returns a description of the first broken property, or undefined. */
async function runSequence(subject: Subject, steps: readonly Step[], updateModel: boolean): Promise<string | undefined> {
  const world: World = { sydneyOnlyDeny: false, names: { [PROD]: 'Prod', 'ou-ab12-devdevde': 'Dev' }, extraOnProd: 0, throttled: false };
  let deployed: { props: Record<string, unknown>; physicalId: string } | undefined;
  counts.sequences++;
  const send = async (e: CustomResourceEvent, rollback: boolean): Promise<CustomResourceResult | Error> => {
    counts.requests++;
    if (rollback) counts.rollbackSteps++;
    world.throttled = rollback && throttleNow;
    try {
      return await subject.handle(e, world);
    } catch (err) {
      return err as Error;
    } finally {
      world.throttled = false;
    }
  };
  let throttleNow = false;
  for (const [i, s] of steps.entries()) {
    applyChange(world, s.change);
    throttleNow = s.throttleRollback;
    const at = `step ${i} (${s.kind}${s.kind === 'deploy' ? ` props ${s.props}` : ''}, ${s.change})`;
    if (s.kind === 'delete') {
      if (!deployed) continue;
      const r = await send({ RequestType: 'Delete', LogicalResourceId: 'R', PhysicalResourceId: deployed.physicalId, ResourceProperties: deployed.props }, false);
      if (r instanceof Error) return `${at}: Delete failed: ${r.message}`;
      deployed = undefined;
      continue;
    }
    const props = subject.pool[s.props];
    if (!deployed) {
      const r = await send({ RequestType: 'Create', LogicalResourceId: 'R', ResourceProperties: props }, false);
      if (r instanceof Error) {
        counts.refusedForward++;
        // A failed Create is rolled back with a Delete.
        const d = await send({ RequestType: 'Delete', LogicalResourceId: 'R', PhysicalResourceId: 'R', ResourceProperties: props }, true);
        if (d instanceof Error) return `${at}: the rollback Delete of a failed Create failed: ${d.message}`;
        continue;
      }
      if (subject.mustRefuse(props, world)) return `${at}: Create passed although the organization must refuse it`;
      if (s.laterFails) {
        const d = await send({ RequestType: 'Delete', LogicalResourceId: 'R', PhysicalResourceId: r.PhysicalResourceId, ResourceProperties: props }, true);
        if (d instanceof Error) return `${at}: the rollback Delete of a Create failed: ${d.message}`;
        continue;
      }
      deployed = { props, physicalId: r.PhysicalResourceId };
      continue;
    }
    if (props === deployed.props) continue; // CloudFormation sends nothing for unchanged properties.
    const update = { RequestType: 'Update' as const, LogicalResourceId: 'R', PhysicalResourceId: deployed.physicalId, ResourceProperties: props, OldResourceProperties: deployed.props };
    const judged = !digestsOf(deployed.physicalId).includes(propertiesDigest(props));
    const r = await send(update, false);
    const rollBackTo = async (physicalId: string): Promise<string | undefined> => {
      const back = await send({ ...update, PhysicalResourceId: physicalId, ResourceProperties: deployed!.props, OldResourceProperties: props }, true);
      if (back instanceof Error) return `${at}: the rollback Update failed: ${back.message}`;
      deployed = { props: deployed!.props, physicalId: back.PhysicalResourceId };
      return undefined;
    };
    if (r instanceof Error) {
      counts.refusedForward++;
      // The resource that failed is sent the old properties too.
      const broken = await rollBackTo(deployed.physicalId);
      if (broken) return broken;
      continue;
    }
    if (judged && subject.name !== 'OrganizationalUnitPath' && subject.mustRefuse(props, world)) return `${at}: a judged Update passed although the organization must refuse it`;
    if (s.laterFails) {
      if (updateModel || r.PhysicalResourceId === deployed.physicalId) {
        const broken = await rollBackTo(r.PhysicalResourceId);
        if (broken) return broken;
      } else {
        // Replacement: CloudFormation keeps the old resource and deletes the new one.
        const d = await send({ RequestType: 'Delete', LogicalResourceId: 'R', PhysicalResourceId: r.PhysicalResourceId, ResourceProperties: props }, true);
        if (d instanceof Error) return `${at}: the rollback Delete of the replacement failed: ${d.message}`;
      }
      continue;
    }
    if (r.PhysicalResourceId !== deployed.physicalId) {
      // Cleanup after a replacement deletes the old physical resource.
      const d = await send({ RequestType: 'Delete', LogicalResourceId: 'R', PhysicalResourceId: deployed.physicalId, ResourceProperties: deployed.props }, false);
      if (d instanceof Error) return `${at}: the cleanup Delete failed: ${d.message}`;
    }
    deployed = { props, physicalId: r.PhysicalResourceId };
  }
  return undefined;
}

describe.each(SUBJECTS)('$name: rollback sequences (seeded)', (subject) => {
  test.each([['rollback as an Update to the new physical ID', true, 1801], ['rollback of a replacement as a Delete', false, 1802]])(
    '%s: no rollback step fails; a change to refuse is refused', async (_model, updateModel, seed) => {
      await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const broken = await runSequence(subject, steps, updateModel);
        if (broken) throw new Error(broken);
      }), { seed, numRuns: subject.runs });
    });
});

afterAll(() => {
  // Figures for the record: how much the properties exercised.
  process.stdout.write(`rollback sequences: ${counts.sequences} sequences, ${counts.requests} requests, ${counts.rollbackSteps} rollback steps, ${counts.refusedForward} forward requests refused\n`);
});
