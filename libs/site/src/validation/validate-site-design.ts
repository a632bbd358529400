import type { SiteDesign } from '../model/site-design';
import { cidrValidity, duplicatedIpCheck, ipLocalityCheck, staticAddressRange } from './addressing.rules';
import { bootactionDefinition, bootactionPackageList } from './bootaction.rules';
import { allowedNetworkCheck, mtuRationality, networkBondRationality, networkTrunkingRationality } from './link.rules';
import { ipmiValidity, libvirtValidity } from './oob.rules';
import { hostnameValidity, hugepagesValidity, platformSelection } from './platform.rules';
import { rationalBootStorage, rootFilesystem, storageMountpoint, storagePartitioning, storageSizing } from './storage.rules';
import type { FindingLevel, ValidationFinding, ValidationOptions, ValidationRule } from './validation-rule';

/** Drydock's rules in Drydock's order, then Slipway's. */
export const SITE_VALIDATION_RULES: readonly ValidationRule[] = [
  rationalBootStorage,
  cidrValidity,
  hugepagesValidity,
  ipLocalityCheck,
  mtuRationality,
  networkTrunkingRationality,
  duplicatedIpCheck,
  platformSelection,
  networkBondRationality,
  storagePartitioning,
  storageSizing,
  storageMountpoint,
  allowedNetworkCheck,
  hostnameValidity,
  ipmiValidity,
  libvirtValidity,
  bootactionDefinition,
  bootactionPackageList,
  rootFilesystem,
  staticAddressRange,
];

export interface SiteValidationResult {
  status: 'success' | 'failure';
  errorCount: number;
  findings: ValidationFinding[];
}

/** Runs every rule in order; a rule that finds no error adds an Info "Validation successful.", as in Drydock. */
export function validateSiteDesign(design: SiteDesign, options: ValidationOptions = {}): SiteValidationResult {
  const findings = SITE_VALIDATION_RULES.flatMap((rule) => {
    const found = rule.check(design, options);
    if (found.some((finding) => finding.level === 'Error')) return found;
    return [...found, { ruleId: rule.id, name: rule.name, level: 'Info' as const, message: 'Validation successful.', documents: [] }];
  });
  const errorCount = findings.filter((finding) => finding.level === 'Error').length;
  return { status: errorCount > 0 ? 'failure' : 'success', errorCount, findings };
}

/** One entry of Drydock's `messageList` (its `ValidationMessage.to_dict()`). */
export interface DrydockValidationMessage {
  kind: 'ValidationMessage';
  /** The rule id. */
  name: string;
  /** `<rule name>: <message>`. */
  message: string;
  error: boolean;
  level: FindingLevel;
  diagnostic: string;
  /** When the validation ran, as Python prints a UTC datetime; only when a time is given. */
  ts?: string;
  /** Deckhand references: `schema` is `drydock/<Kind>/v1`. */
  documents: Array<{ schema: string; name: string }>;
}

/** Drydock's `POST /api/v1.0/validatedesign` body: `Validation.to_dict()` plus the HTTP `code`. */
export interface DrydockValidationStatus {
  kind: 'Status';
  apiVersion: 'v1.0';
  metadata: Record<string, never>;
  message: string;
  reason: string | null;
  status: 'Success' | 'Failure';
  details: { errorCount: number; messageList: DrydockValidationMessage[] };
  code: 200 | 400;
}

/** `2024-05-01 12:00:00.123000+00:00`, Python's `str()` of an aware UTC datetime. */
const pythonUtc = (at: Date): string => at.toISOString().replace('T', ' ').replace('Z', '000+00:00');

export function toDrydockValidationStatus(result: SiteValidationResult, options: { at?: Date } = {}): DrydockValidationStatus {
  const failed = result.status === 'failure';
  return {
    kind: 'Status',
    apiVersion: 'v1.0',
    metadata: {},
    message: failed ? 'Site design failed validation.' : 'Site design passed validation',
    reason: failed ? 'See detail messages.' : null,
    status: failed ? 'Failure' : 'Success',
    details: {
      errorCount: result.errorCount,
      messageList: result.findings.map((finding) => ({
        kind: 'ValidationMessage',
        name: finding.ruleId,
        message: `${finding.name}: ${finding.message}`,
        error: finding.level === 'Error',
        level: finding.level,
        diagnostic: finding.diagnostic ?? '',
        ...(options.at ? { ts: pythonUtc(options.at) } : {}),
        documents: finding.documents.map((document) => ({ schema: `drydock/${document.kind}/v1`, name: document.name })),
      })),
    },
    code: failed ? 400 : 200,
  };
}
