import { Inject, Injectable, Optional } from '@nestjs/common';
import { SiteDesignRepository } from '@slipway/db';
import { formatTaskDesignRef, validateSiteDesign, type PlatformCatalog, type SiteDesign, type TaskMessageInput } from '@slipway/site';
import { ingestStoredDesign } from '../designs/design-ingest';
import { SITE_PLATFORM_CATALOG } from '../validation/site-platform-catalog';

/**
 * A design version as a task runs on it: compiled, validated, with every problem and finding as
 * a task message. `valid` false means it did not load (missing, problems) or failed validation.
 */
export interface LoadedDesign {
  ref: string;
  /** Absent when the design could not be read or compiled. */
  design?: SiteDesign;
  valid: boolean;
  messages: TaskMessageInput[];
}

/** Versions compiled lately (they never change), so that the node jobs of one task share one compilation. */
const CACHED_VERSIONS = 8;

/**
 * Loads the design version of a task as Drydock does for every action: ingest (from the stored
 * YAML), compile inheritance, run the validators (with the platform catalog when one is given).
 */
@Injectable()
export class SiteDesignLoader {
  private readonly cache = new Map<string, Promise<LoadedDesign>>();

  constructor(
    private readonly designs: SiteDesignRepository,
    @Optional() @Inject(SITE_PLATFORM_CATALOG) private readonly platforms?: PlatformCatalog,
  ) {}

  load(designId: string, version: number): Promise<LoadedDesign> {
    const ref = formatTaskDesignRef({ designId, version });
    let loading = this.cache.get(ref);
    if (loading === undefined) {
      loading = this.compile(designId, version, ref);
      this.cache.set(ref, loading);
      if (this.cache.size > CACHED_VERSIONS) this.cache.delete(this.cache.keys().next().value as string);
      // A read that failed (the database away) is not kept: the next job reads again.
      loading.catch(() => this.cache.delete(ref));
    }
    return loading;
  }

  private async compile(designId: string, version: number, ref: string): Promise<LoadedDesign> {
    const stored = await this.designs.byId(designId);
    if (stored === null || stored.version !== version) return { ref, valid: false, messages: [siteError(`Design ${ref} is not stored.`)] };
    const ingested = ingestStoredDesign(stored);
    if (ingested.problems.length > 0) {
      const messages = ingested.problems.map((problem) => siteError([problem.document, problem.field].filter(Boolean).join(' ') + (problem.document || problem.field ? ': ' : '') + problem.message));
      return { ref, valid: false, messages };
    }
    const validation = validateSiteDesign(ingested.design, { platforms: this.platforms });
    const messages = validation.findings.map<TaskMessageInput>((finding) => ({
      message: `${finding.ruleId} ${finding.name}: ${finding.message}`,
      error: finding.level === 'Error',
      contextType: 'validation',
      context: finding.ruleId,
      extra: { level: finding.level, diagnostic: finding.diagnostic ?? '', documents: finding.documents },
    }));
    return { ref, design: ingested.design, valid: validation.status === 'success', messages };
  }
}

function siteError(message: string): TaskMessageInput {
  return { message, error: true, contextType: 'site', context: 'design' };
}
