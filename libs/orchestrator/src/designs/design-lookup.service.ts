import { Injectable } from '@nestjs/common';
import { SiteDesignRepository, type SiteDesignEntity } from '@slipway/db';
import { InvalidParameterValueError } from '@slipway/errors';
import { parseTaskDesignRef } from '@slipway/site';
import { NoSiteDesignError, SiteDesignNotFoundError } from '../errors/site-design.error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Finds the stored design version a reference names. A reference is `design://<id>/<version>`
 * (what tasks show as `design_ref`), a version's id, or a design name (its latest version).
 */
@Injectable()
export class DesignLookupService {
  constructor(private readonly designs: SiteDesignRepository) {}

  async resolve(reference: string): Promise<SiteDesignEntity> {
    const ref = reference.trim();
    if (ref === '') throw new InvalidParameterValueError('A design reference must not be empty: give design://<id>/<version>, a design id or a design name.');
    if (ref.toLowerCase().startsWith('design:')) return this.byDesignRef(ref);
    const design = UUID.test(ref) ? await this.designs.byId(ref.toLowerCase()) : await this.designs.latestByName(ref);
    if (!design) throw new SiteDesignNotFoundError({ design: ref });
    return design;
  }

  /** The design named by `reference`, or the version stored last when there is none. */
  async resolveOrLatest(reference: string | undefined): Promise<SiteDesignEntity> {
    if (reference !== undefined) return this.resolve(reference);
    const latest = await this.designs.latest();
    if (!latest) throw new NoSiteDesignError();
    return latest;
  }

  private async byDesignRef(ref: string): Promise<SiteDesignEntity> {
    const parsed = parseTaskDesignRef(ref);
    if (!parsed) throw new InvalidParameterValueError(`Design reference ${ref} is not of the form design://<design id>/<version>.`);
    const design = await this.designs.byId(parsed.designId);
    if (!design) throw new SiteDesignNotFoundError({ design: ref });
    if (design.version !== parsed.version) {
      throw new InvalidParameterValueError(`Design reference ${ref} does not match: design ${design.id} is version ${design.version} of ${design.name}, not version ${parsed.version}.`);
    }
    return design;
  }
}
