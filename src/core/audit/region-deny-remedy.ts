import { ProbeOutcome } from './verdict';
import { PolicyLevel } from '../evaluate/scp-evaluator';

/**
 * What to change when a Region deny blocks an Australian path the posture must
 * keep open (the Melbourne leg of an `au.` call, most often). Shared by the
 * audit's findings and the deploy-time check, so both name the same fix.
 */
export interface RegionDenyRemedy {
  /** The probe (request) the Region deny wrongly denies. */
  readonly probe: string;
  /** The policy holding the statement, by name. */
  readonly policy: string;
  /** Its Sid, or `#index` when it has none. */
  readonly statement: string;
  /** The Region the statement denies that must stay allowed. */
  readonly region: string;
  /** Who owns the statement: the fix differs (never edit Control Tower's SCPs: that is drift). */
  readonly owner: 'control-tower-landing-zone' | 'control-tower-ou-control' | 'customer';
  /** The exact change, in words a landing-zone team can act on. */
  readonly change: string;
}

interface Statement {
  readonly Sid?: string;
  readonly Effect?: string;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/** Operators that make a statement deny every Region not listed. */
const NOT_IN_LIST = /^(ForAnyValue:|ForAllValues:)?String(NotEquals|NotLike)(IgnoreCase)?(IfExists)?$/i;
const REQUESTED_REGION = 'aws:requestedregion';
/**
 * Control Tower writes its Region denies with these statement IDs (in policies
 * it names aws-guardrails-*). Recognised by Sid alone, so a renamed policy is
 * still never suggested for editing.
 *
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/primary-region-deny-policy.html
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/ou-region-deny.html
 */
const LANDING_ZONE_REGION_DENY_SID = 'GRREGIONDENY';
const OU_REGION_DENY_SID = 'CTMULTISERVICEPV1';

function statementsOf(document: unknown): Statement[] {
  try {
    const doc = (typeof document === 'string' ? JSON.parse(document) : document) as { Statement?: Statement | Statement[] };
    if (!doc || doc.Statement === undefined) return [];
    return Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  } catch {
    return [];
  }
}

/** The statement a `policy/Sid` (or `policy/#i`) reference names, searched along the path. */
function findStatement(levels: readonly PolicyLevel[], ref: string): { policy: string; sid: string; statement: Statement } | undefined {
  const cut = ref.lastIndexOf('/');
  const policy = ref.slice(0, cut);
  const sid = ref.slice(cut + 1);
  for (const level of levels) {
    for (const p of level.policies) {
      if (p.name !== policy) continue;
      const statements = statementsOf(p.document);
      const statement = sid.startsWith('#') && statements[Number(sid.slice(1))]?.Sid === undefined
        ? statements[Number(sid.slice(1))]
        : statements.find((s) => s.Sid === sid);
      if (statement) return { policy, sid, statement };
    }
  }
  return undefined;
}

/** The statement's Region list and the operator holding it, if it denies every Region not listed. */
function regionList(statement: Statement): { operator: string; key: string; regions: string[] } | undefined {
  if (statement.Effect !== 'Deny') return undefined;
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    if (!NOT_IN_LIST.test(operator)) continue;
    for (const [key, values] of Object.entries(keys)) {
      if (key.toLowerCase() !== REQUESTED_REGION) continue;
      return { operator, key, regions: (Array.isArray(values) ? values : [values]).map(String) };
    }
  }
  return undefined;
}

const list = (regions: readonly string[]) => `[${regions.map((r) => JSON.stringify(r)).join(', ')}]`;

function describeChange(policy: string, sid: string, operator: string, key: string, regions: string[], region: string): Omit<RegionDenyRemedy, 'probe' | 'policy' | 'statement' | 'region'> {
  const fixed = list([...regions, region]);
  if (sid === LANDING_ZONE_REGION_DENY_SID) {
    return {
      owner: 'control-tower-landing-zone',
      change: `Control Tower's landing-zone Region deny (${policy}, statement GRREGIONDENY) does not govern ${region}. `
        + `Do not edit this Control Tower SCP (that is drift): add ${region} to the governed Regions in the landing zone settings, `
        + `which makes its ${key} list ${fixed}; or turn the landing-zone Region deny off and enable ControlTowerRegionDeny on the OUs.`,
    };
  }
  if (sid === OU_REGION_DENY_SID) {
    return {
      owner: 'control-tower-ou-control',
      change: `Control Tower's OU Region deny (CT.MULTISERVICE.PV.1, ${policy}) does not allow ${region}. `
        + `Update the enabled control's AllowedRegions parameter to ${fixed} (ControlTowerRegionDeny always allows ap-southeast-2 and ap-southeast-4); `
        + 'do not edit the SCP itself.',
    };
  }
  return {
    owner: 'customer',
    change: `In policy ${policy}, statement ${sid}: add "${region}" to the ${key} values of its ${operator} condition, making them ${fixed}.`,
  };
}

/**
 * For each probe that must be allowed but was denied by a statement that denies
 * every Region it does not list, the policy, the statement and the change that
 * lets the Region through. Denials for other reasons get no remedy here.
 */
export function regionDenyRemedies(levels: readonly PolicyLevel[], failures: readonly ProbeOutcome[]): RegionDenyRemedy[] {
  const remedies: RegionDenyRemedy[] = [];
  for (const f of failures) {
    if (f.expected !== 'Allowed' || f.actual !== 'Denied') continue;
    const region = f.request?.context['aws:RequestedRegion'];
    if (typeof region !== 'string') continue;
    for (const ref of f.deniedBy) {
      const found = findStatement(levels, ref);
      const regions = found && regionList(found.statement);
      if (!found || !regions || regions.regions.includes(region)) continue;
      remedies.push({
        probe: f.id,
        policy: found.policy,
        statement: found.sid,
        region,
        ...describeChange(found.policy, found.sid, regions.operator, regions.key, regions.regions, region),
      });
    }
  }
  return remedies;
}

/** One line per distinct change: several probes denied by one statement need one fix. */
export function remedyLines(remedies: readonly RegionDenyRemedy[]): string[] {
  return [...new Set(remedies.map((r) => r.change))];
}
