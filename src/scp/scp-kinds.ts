import { PolicyDocumentJson, StatementJson } from '../core/policy-json';
import { auOnlyInferenceDescription, regionAllowlistDescription, residencyPostureDescription } from '../core/statements/descriptions';
import {
  auOnlyInferenceDocument, auOnlyInferenceStatements, regionAllowlistDocument, regionAllowlistStatements,
  residencyPostureDocument, residencyPostureStatements,
} from '../core/statements/documents';
import { ResidencyRules } from '../core/statements/residency-rules';

/** The three SCP constructs, by class name (also the `source` of their errors). */
export type ScpKindName = 'AuBedrockResidencyScp' | 'AuOnlyInferenceScp' | 'RegionAllowlistScp';

/** What differs between the three SCP constructs: the statements and the default description. */
export interface ScpKind {
  readonly name: ScpKindName;
  document(rules: ResidencyRules): PolicyDocumentJson;
  /** The same statements as a list, for spilling over several SCPs. */
  statements(rules: ResidencyRules): StatementJson[];
  description(rules: ResidencyRules): string;
}

export const SCP_KINDS: Readonly<Record<ScpKindName, ScpKind>> = {
  AuBedrockResidencyScp: {
    name: 'AuBedrockResidencyScp', document: residencyPostureDocument, statements: residencyPostureStatements, description: residencyPostureDescription,
  },
  AuOnlyInferenceScp: {
    name: 'AuOnlyInferenceScp', document: auOnlyInferenceDocument, statements: auOnlyInferenceStatements, description: auOnlyInferenceDescription,
  },
  RegionAllowlistScp: {
    name: 'RegionAllowlistScp', document: regionAllowlistDocument, statements: regionAllowlistStatements, description: regionAllowlistDescription,
  },
};

/**
 * Which kind each SCP class is. Filled by the class modules, read by the
 * shared base constructor through `new.target`, so the public base class takes
 * no implementation-only argument.
 */
const KIND_OF_CLASS = new WeakMap<object, ScpKind>();

export function registerScpKind(cls: object, name: ScpKindName): void {
  KIND_OF_CLASS.set(cls, SCP_KINDS[name]);
}

export function scpKindOf(cls: object): ScpKind | undefined {
  return KIND_OF_CLASS.get(cls);
}
