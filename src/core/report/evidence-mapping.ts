/**
 * What each input contributes to the requirements the audit's evidence report
 * maps (ISM-1572, ISM-1637/1638, CPS 234, CPS 230, APP 8). The audit's wording
 * is the audit report's own (`EVIDENCE_MAPPING`); the traffic replay and the
 * probe add what they show and do not show. Worded as scope, not as a finding
 * of compliance.
 */
import { InputRole } from './report-inputs';
import { EVIDENCE_MAPPING } from '../audit/render-report';

export interface EvidenceScope { readonly shows: string; readonly doesNotShow: string }

export interface RequirementEvidence {
  readonly id: string;
  readonly requirement: string;
  readonly byInput: Record<InputRole, EvidenceScope>;
}

const TRAFFIC: Record<string, EvidenceScope> = {
  'ISM-1572': {
    shows: 'Where the Bedrock calls recorded by CloudTrail in the window were actually served (the inference Region CloudTrail records), by account and principal.',
    doesNotShow: 'Calls the trail does not record (data events without selectors, accounts or Regions outside the trail), service-side processing, or where data is stored.',
  },
  'ISM-1637/1638': {
    shows: 'Which Regions, models and inference profiles the workloads used in the window: input for the register entry.',
    doesNotShow: 'The assessment of the provider, its contracts, or model providers.',
  },
  'CPS 234': {
    shows: 'Whether the preventive control was effective over the window: calls served outside Australia, attempts the SCPs refused, and calls the posture would deny.',
    doesNotShow: 'Anything outside the window, or calls in trails that were not read; records that could not be parsed are listed as incomplete evidence.',
  },
  'CPS 230': {
    shows: 'Whether Bedrock processing took place outside Australia in the window, and from which accounts.',
    doesNotShow: 'Whether an arrangement is material, or any notification or approval obligation.',
  },
  'APP 8': {
    shows: 'Whether prompts were served by Bedrock endpoints outside Australia in the window.',
    doesNotShow: 'Whether those prompts held personal information, or disclosure by other means. It is not legal advice on APP 8.',
  },
};

const PROBE: Record<string, EvidenceScope> = {
  'ISM-1572': {
    shows: 'That, from the probed account and principal, on the date of the run, each listed path was served or refused in the Region tested.',
    doesNotShow: 'Other accounts, exempt principals, or paths that were not probed.',
  },
  'ISM-1637/1638': {
    shows: 'That the technical limits a register entry states hold for the probed account, as AWS answered at the time.',
    doesNotShow: 'The assessment of the provider or third parties.',
  },
  'CPS 234': {
    shows: 'A live test of control effectiveness (paragraph 27): real requests sent to AWS endpoints, and whether the service control policy refused them.',
    doesNotShow: 'Results at any other time, detective controls, or incident response; inconclusive paths prove nothing either way.',
  },
  'CPS 230': {
    shows: 'That the probed account cannot have Bedrock requests served outside Australia on the paths tested.',
    doesNotShow: 'Materiality or notification judgements.',
  },
  'APP 8': {
    shows: 'That the probed paths to Bedrock endpoints outside Australia are refused for the probed principal.',
    doesNotShow: 'Other principals or other means of disclosure. It is not legal advice on APP 8.',
  },
};

/** The mapping, one row per requirement, with the scope of each input's evidence. */
export function evidenceMapping(): readonly RequirementEvidence[] {
  return EVIDENCE_MAPPING.map((m) => ({
    id: m.id,
    requirement: m.requirement,
    byInput: { audit: { shows: m.shows, doesNotShow: m.doesNotShow }, traffic: TRAFFIC[m.id], probe: PROBE[m.id] },
  }));
}
