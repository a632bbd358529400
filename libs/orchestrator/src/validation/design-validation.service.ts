import { Inject, Injectable, Optional } from '@nestjs/common';
import { CLOCK, type Clock } from '@slipway/runtime';
import { validateSiteDesign, type PlatformCatalog } from '@slipway/site';
import { ingestDesign } from '../designs/design-ingest';
import { readValidationRequest } from '../designs/design-request.dto';
import { DesignSourceService, type DesignText } from '../designs/design-source.service';
import { DesignSourceError } from '../errors/site-design.error';
import { SITE_PLATFORM_CATALOG } from './site-platform-catalog';
import { validationStatus, type LocatedValidationStatus } from './validation-status';

/** Drydock's synchronous validation: load the design, compile it, run every rule. Nothing is stored. */
@Injectable()
export class DesignValidationService {
  constructor(
    private readonly sources: DesignSourceService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(SITE_PLATFORM_CATALOG) private readonly platforms?: PlatformCatalog,
  ) {}

  /** The status, `code` 200 when the design is valid and 400 when not (also when it does not load). */
  async validate(body: unknown): Promise<LocatedValidationStatus> {
    const source = readValidationRequest(body);
    const at = this.clock.now();
    let text: DesignText;
    try {
      text = await this.sources.read(source);
    } catch (error) {
      if (!(error instanceof DesignSourceError)) throw error;
      return validationStatus({ problems: [{ message: error.message }], warnings: [], loading: true }, at);
    }
    const ingested = ingestDesign(text.yaml, text.ref);
    if (ingested.problems.length > 0) return validationStatus(ingested, at);
    return validationStatus({ ...ingested, result: validateSiteDesign(ingested.design, { platforms: this.platforms }) }, at);
  }
}
