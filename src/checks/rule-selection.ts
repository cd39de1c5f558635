import { CheckFinding, CheckSeverity, SovereignBedrockChecksProps } from './check-types';
import { ALL_RULES } from './rules';
import { CheckRule, ResourceFinding } from '../core/checks/findings';
import { SUPPRESSION_RULE_ID } from '../core/checks/suppressions';
import { ValidationErrors } from '../core/validation-errors';
import { checkBoolean, describeType } from '../core/validators';

/** The rules and settings a plugin or Aspect runs with, after validating its props. */
export interface CheckSettings {
  readonly rules: readonly CheckRule[];
  readonly reportWarnings: boolean;
}

export function checkSettings(props: SovereignBedrockChecksProps, where: string): CheckSettings {
  const errors = new ValidationErrors();
  const ids = ALL_RULES.map((r) => r.id);
  if (props === null || typeof props !== 'object' || Array.isArray(props)) {
    errors.add('props', `must be an object with optional rules and reportWarnings, got ${describeType(props)}`);
    errors.throwIfAny(where);
  }
  checkBoolean('reportWarnings', props.reportWarnings, errors);
  if (props.rules !== undefined && props.rules !== null && !Array.isArray(props.rules)) {
    errors.add('rules', `must be a list of rule IDs, got ${describeType(props.rules)}`);
  } else if (props.rules !== undefined && props.rules !== null) {
    if (props.rules.length === 0) errors.add('rules', `must not be empty. Omit it to run every rule (${ids.join(', ')})`);
    props.rules.forEach((id, i) => {
      if (typeof id !== 'string') errors.add(`rules[${i}]`, `must be a rule ID (a string), got ${describeType(id)}`);
      else if (!ids.includes(id)) errors.add(`rules[${i}]`, `"${id}" is not a rule of these checks. Use one of ${ids.join(', ')}`);
    });
  }
  errors.throwIfAny(where);
  return {
    rules: props.rules ? ALL_RULES.filter((r) => props.rules!.includes(r.id)) : ALL_RULES,
    reportWarnings: props.reportWarnings ?? true,
  };
}

export function ruleById(id: string): CheckRule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}

const SUPPRESSION_FIX = 'Give every rules_to_suppress entry a known rule id and a non-blank reason (SovereignBedrockSuppressions.addResourceSuppressions checks both).';

/** A core finding in the public shape, with the rule's fix when the finding has none of its own. */
export function toCheckFinding(f: ResourceFinding): CheckFinding {
  const fix = f.fix ?? (f.ruleId === SUPPRESSION_RULE_ID ? SUPPRESSION_FIX : ruleById(f.ruleId)?.fix ?? '');
  return {
    ruleId: f.ruleId,
    severity: f.severity === 'error' ? CheckSeverity.ERROR : CheckSeverity.WARNING,
    logicalId: f.logicalId,
    resourceType: f.resourceType,
    location: f.location,
    message: f.message,
    fix,
  };
}

export function shown(f: ResourceFinding, settings: CheckSettings): boolean {
  return settings.reportWarnings || f.severity === 'error';
}
