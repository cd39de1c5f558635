import { SERVICE_SURFACE } from './service-surface.generated';
import { DENIED_EVERYWHERE_PREFIXES, REGION_BOUND_PREFIXES } from '../coverage';
import { PARTLY_GOVERNED } from '../surface/ai-surface';

export { SERVICE_SURFACE } from './service-surface.generated';

/** One action of the governed surface, with the resource types the Service Authorization Reference lists for it. */
export interface SurfaceAction {
  readonly prefix: string;
  /** `bedrock:InvokeModel` */
  readonly action: string;
  readonly name: string;
  /** Empty: the action is authorised against `*`. */
  readonly resourceTypes: readonly string[];
}

/**
 * Batch inference: the Service Authorization Reference does not list
 * `bedrock:InferenceProfileArn` for it, but AWS's cross-Region inference SCP
 * example relies on the key there, so the audit probes its profile legs too.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/batch-inference-permissions.html
 */
const EXTRA_PROFILE_KEY_ACTIONS = ['bedrock:CreateModelInvocationJob'];

/**
 * Every action of every governed prefix, and the governed actions of partly
 * governed ones (SageMaker endpoint invocation), from the generated Service
 * Authorization Reference extract.
 */
let actionsCache: SurfaceAction[] | undefined;

export function surfaceActions(): SurfaceAction[] {
  if (actionsCache) return actionsCache;
  const out: SurfaceAction[] = [];
  for (const prefix of [...REGION_BOUND_PREFIXES, ...DENIED_EVERYWHERE_PREFIXES, ...PARTLY_GOVERNED.map((p) => p.prefix)]) {
    const service = SERVICE_SURFACE.services[prefix];
    if (!service) throw new Error(`the service surface has no data for ${prefix}: regenerate it`);
    for (const [name, types] of Object.entries(service.actions)) {
      out.push({ prefix, action: `${prefix}:${name}`, name, resourceTypes: types });
    }
  }
  actionsCache = out;
  return out;
}

/** Actions whose model legs carry `bedrock:InferenceProfileArn` when called through an inference profile. */
export function profileKeyActions(): Set<string> {
  const bedrock = SERVICE_SURFACE.services.bedrock;
  return new Set([...bedrock.profileKeyActions.map((a) => `bedrock:${a}`), ...EXTRA_PROFILE_KEY_ACTIONS]);
}

/** Whether the posture governs only some actions of the prefix, and only abroad (SageMaker endpoint invocation). */
export function isPartlyGoverned(prefix: string): boolean {
  return PARTLY_GOVERNED.some((p) => p.prefix === prefix);
}

export function isDeniedEverywhere(prefix: string): boolean {
  return (DENIED_EVERYWHERE_PREFIXES as readonly string[]).includes(prefix);
}

/**
 * An ARN of a resource type in a Region ('' for Region-less legs) and account,
 * with every ID placeholder replaced by `id` (`${ResourceId}`) or `audit-probe`.
 */
export function resourceArn(prefix: string, type: string, region: string, account: string, id = 'audit-probe'): string | undefined {
  const template = SERVICE_SURFACE.services[prefix]?.resourceTypes[type];
  if (!template) return undefined;
  const filled = template.replace('${Partition}', 'aws').replace('${Region}', region).replace('${Account}', account);
  const count = (filled.match(/\$\{[A-Za-z]+\}/g) ?? []).length;
  let i = 0;
  // The last placeholder is the resource's own ID; earlier ones name its parents.
  return filled.replace(/\$\{[A-Za-z]+\}/g, () => (++i === count ? id : 'audit-probe'));
}

/** Which resource type of `prefix` an ARN has, by its template; undefined when none fits. */
const templateCache = new Map<string, [string, RegExp][]>();

function compiledTemplates(prefix: string): [string, RegExp][] {
  let compiled = templateCache.get(prefix);
  if (!compiled) {
    compiled = Object.entries(SERVICE_SURFACE.services[prefix]?.resourceTypes ?? {}).map(([type, template]) => {
      const body = template.split(/(\$\{[A-Za-z]+\})/).map((part) => {
        if (part === '${Partition}') return 'aws';
        if (part === '${Region}') return '[a-z0-9-]*';
        if (part === '${Account}') return '[0-9]*';
        if (/^\$\{[A-Za-z]+\}$/.test(part)) return '.+';
        return part.replace(/[\\^$.|+()[\]{}*?]/g, '\\$&');
      }).join('');
      return [type, new RegExp(`^${body}$`)];
    });
    templateCache.set(prefix, compiled);
  }
  return compiled;
}

/** Which resource type of `prefix` an ARN has, by its template; undefined when none fits. */
export function resourceTypeOf(prefix: string, arn: string): string | undefined {
  return compiledTemplates(prefix).find(([, re]) => re.test(arn))?.[0];
}
