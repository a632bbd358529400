import { DESIGN_KINDS, toDrydockValidationStatus, type DesignKind, type DesignProblem, type DocumentRef } from '@slipway/site';
import type { DrydockValidationMessage, DrydockValidationStatus, SiteValidationResult, ValidationFinding } from '@slipway/site';

// POST /validatedesign answers Drydock's validation status for everything about the design: the
// rules' findings, and before them what stopped the design from loading (its href) or compiling
// (syntax, schema, references), as error messages that keep their document, field and line.

/** Drydock's id for design documents that do not load (its schema errors are DD001). */
export const DESIGN_INGESTION = { id: 'DD001', name: 'Design Ingestion' } as const;
/** The href could not be read (Drydock reports this as "Error loading effective site"). */
export const DESIGN_LOADING = { id: 'DD000', name: 'Design Loading' } as const;

/** A validation message with where its problem is (ingestion problems only). */
export type LocatedValidationMessage = DrydockValidationMessage & { field?: string; file?: string; line?: number };

export interface LocatedValidationStatus extends Omit<DrydockValidationStatus, 'details'> {
  details: { errorCount: number; messageList: LocatedValidationMessage[] };
}

function documentOf(problem: DesignProblem): DocumentRef[] {
  const [kind, ...rest] = (problem.document ?? '').split('/');
  const name = rest.join('/');
  const known = (DESIGN_KINDS as readonly string[]).includes(kind) && name !== '' && !name.startsWith('(document');
  return known ? [{ kind: kind as DesignKind, name }] : [];
}

function findingOf(problem: DesignProblem, level: 'Error' | 'Warning', rule: { id: string; name: string }, diagnostic: string): ValidationFinding {
  return { ruleId: rule.id, name: rule.name, level, message: problem.message, documents: documentOf(problem), diagnostic };
}

const INGESTION_DIAGNOSTIC = 'Fix the document at the line given; nothing else is validated until the design loads.';

/**
 * The status of a validation: the rules' `result` (none when the design did not load), after the
 * ingestion problems (errors) and warnings.
 */
export function validationStatus(
  input: { problems: readonly DesignProblem[]; warnings: readonly DesignProblem[]; result?: SiteValidationResult; loading?: boolean },
  at: Date,
): LocatedValidationStatus {
  const rule = input.loading ? DESIGN_LOADING : DESIGN_INGESTION;
  const diagnostic = input.loading ? 'Give an href the orchestrator can read: an http(s) URL, a file URL or an absolute path on its host.' : INGESTION_DIAGNOSTIC;
  const located = [...input.problems.map((problem) => ({ problem, level: 'Error' as const })), ...input.warnings.map((problem) => ({ problem, level: 'Warning' as const }))];
  const findings = [...located.map(({ problem, level }) => findingOf(problem, level, rule, diagnostic)), ...(input.result?.findings ?? [])];
  const errorCount = findings.filter((finding) => finding.level === 'Error').length;
  const status = toDrydockValidationStatus({ status: errorCount > 0 ? 'failure' : 'success', errorCount, findings }, { at });
  const messageList = status.details.messageList.map((message, index): LocatedValidationMessage => {
    const problem = located[index]?.problem;
    if (problem === undefined) return message;
    return { ...message, ...(problem.field === undefined ? {} : { field: problem.field }), ...(problem.file === undefined ? {} : { file: problem.file }), ...(problem.line === undefined ? {} : { line: problem.line }) };
  });
  return { ...status, details: { ...status.details, messageList } };
}
