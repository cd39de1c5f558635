/**
 * The evidence report from files: load and check each input, compare them,
 * render. The command line and the sample generator both come through here.
 */
import { crossCheck, Disagreement } from './cross-check';
import { RenderOptions, renderReportHtml, reportStatus, ReportStatus } from './render-html';
import { InputRole, loadInput, ReportInputs } from './report-inputs';

export interface InputFile {
  /** The name shown in the report (the command passes the file's base name). */
  readonly file: string;
  readonly content: Buffer | string;
}

export interface EvidenceReport {
  readonly html: string;
  readonly inputs: ReportInputs;
  readonly disagreements: readonly Disagreement[];
  readonly status: ReportStatus;
}

/**
 * Throws `ReportInputError` for a bad input, `ReportMismatchError` for inputs
 * that cannot be about the same organization.
 */
export function buildEvidenceReport(files: Partial<Record<InputRole, InputFile>>, options: RenderOptions): EvidenceReport {
  const inputs: ReportInputs = {
    audit: files.audit && loadInput('audit', files.audit.file, files.audit.content),
    traffic: files.traffic && loadInput('traffic', files.traffic.file, files.traffic.content),
    probe: files.probe && loadInput('probe', files.probe.file, files.probe.content),
  };
  const disagreements = crossCheck(inputs);
  return { html: renderReportHtml(inputs, disagreements, options), inputs, disagreements, status: reportStatus(inputs, disagreements) };
}
