import type { DesignKind } from '../model/design-document';
import type { BaremetalNode, BootAction, Network, NetworkLink, SiteDesign } from '../model/site-design';

/** The level of one finding, spelled as Drydock's `MessageLevels`. */
export type FindingLevel = 'Error' | 'Warning' | 'Info';

/** The level of the findings a rule exists to report (a rule may add findings of a lower level). */
export type RuleSeverity = 'error' | 'warning' | 'info';

/** A design document a finding is about. */
export interface DocumentRef {
  kind: DesignKind;
  name: string;
}

/** One message of a validation run. */
export interface ValidationFinding {
  ruleId: string;
  /** The rule's name (`Rational Boot Storage`). */
  name: string;
  level: FindingLevel;
  /** What is wrong, naming the document, the field and the values. */
  message: string;
  documents: DocumentRef[];
  /** How to fix it (Drydock's `diagnostic`). */
  diagnostic?: string;
}

/**
 * What the node provisioner can deploy: image name → kernels of that image. The Platform Selection
 * rule (DD3001) checks nodes against it; without one it warns, as Drydock does without a node driver.
 */
export type PlatformCatalog = Readonly<Record<string, readonly string[]>>;

export interface ValidationOptions {
  platforms?: PlatformCatalog;
}

export interface ValidationRule {
  /** Stable id: Drydock's where Drydock has the rule, else a new one in the same scheme. */
  id: string;
  name: string;
  severity: RuleSeverity;
  check(design: SiteDesign, options?: ValidationOptions): ValidationFinding[];
}

/** A finding before the rule stamps its id and name on it; `level` defaults to the rule's severity. */
export interface RuleIssue {
  level?: FindingLevel;
  message: string;
  documents: DocumentRef[];
  diagnostic?: string;
}

const LEVEL_OF: Record<RuleSeverity, FindingLevel> = { error: 'Error', warning: 'Warning', info: 'Info' };

export function defineRule(
  meta: { id: string; name: string; severity: RuleSeverity },
  inspect: (design: SiteDesign, options: ValidationOptions) => Iterable<RuleIssue>,
): ValidationRule {
  return {
    ...meta,
    check: (design, options = {}) =>
      Array.from(inspect(design, options), (issue) => ({
        ruleId: meta.id,
        name: meta.name,
        level: issue.level ?? LEVEL_OF[meta.severity],
        message: issue.message,
        documents: issue.documents,
        ...(issue.diagnostic === undefined ? {} : { diagnostic: issue.diagnostic }),
      })),
  };
}

export const nodeDoc = (node: BaremetalNode): DocumentRef => ({ kind: 'BaremetalNode', name: node.name });
export const networkDoc = (network: Network): DocumentRef => ({ kind: 'Network', name: network.name });
export const linkDoc = (link: NetworkLink): DocumentRef => ({ kind: 'NetworkLink', name: link.name });
export const bootActionDoc = (action: BootAction): DocumentRef => ({ kind: 'BootAction', name: action.name });

/** `a, b and c` for messages. */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
