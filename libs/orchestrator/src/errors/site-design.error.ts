import { InvalidError, NotFoundError, registerDomainErrors } from '@slipway/errors';
import type { DesignProblem } from '@slipway/site';

/** No stored design answers to the reference (an id, a name, `design://<id>/<version>`). */
export class SiteDesignNotFoundError extends NotFoundError<{ design: string }> {
  static override readonly code = 'SiteDesignNotFound';
  constructor(params: { design: string }) {
    super(`Design ${params.design} not found.`, params);
  }
}

/** No design is stored at all, so "the latest design" means nothing yet. */
export class NoSiteDesignError extends NotFoundError {
  static override readonly code = 'NoSiteDesign';
  constructor() {
    super('No site design is stored yet: create one with POST /api/v1.0/designs.');
  }
}

/** A kind or a part the compiled design does not have (`GET /designs/{id}/parts/{kind}/{name}`). */
export class SiteDesignPartNotFoundError extends NotFoundError<{ design: string; part: string }> {
  static override readonly code = 'SiteDesignPartNotFound';
  constructor(params: { design: string; part: string }) {
    super(`Design ${params.design} has no ${params.part}.`, params);
  }
}

/**
 * The YAML of a design has problems (syntax, schema, references, inheritance): nothing is stored.
 * The message lists every problem; `problems` carries them with their document, field and line.
 */
export class InvalidSiteDesignError extends InvalidError<{ source: string; problems: DesignProblem[] }> {
  static override readonly code = 'InvalidSiteDesign';
  constructor(params: { source: string; problems: DesignProblem[] }) {
    const count = params.problems.length === 1 ? '1 problem' : `${params.problems.length} problems`;
    super(`The site design from ${params.source} has ${count}; nothing was stored.\n${params.problems.map((problem) => `- ${problem.message}`).join('\n')}`, params);
  }
}

/** The design's `href` cannot be read: a bad URL, an unreachable server, a missing file, too large. */
export class DesignSourceError extends InvalidError<{ href: string; reason: string }> {
  static override readonly code = 'DesignSourceUnreadable';
  constructor(params: { href: string; reason: string }) {
    super(`Cannot read the site design at ${params.href}: ${params.reason}.`, params);
  }
}

registerDomainErrors(SiteDesignNotFoundError, NoSiteDesignError, SiteDesignPartNotFoundError, InvalidSiteDesignError, DesignSourceError);
