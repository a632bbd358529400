import { randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { SiteDesignEntity } from '../entities/site-design.entity';

// The only place with SQL for stored site designs. A design is never changed: storing a name
// again adds its next version.

/** The key of a stored version. */
export interface StoredDesignVersion {
  id: string;
  name: string;
  version: number;
}

/** A version without its (large) YAML and documents, for lists. */
export type SiteDesignSummary = Omit<SiteDesignEntity, 'source' | 'documents'>;

/**
 * First key of the transaction-level advisory lock that serialises the stores of one name (the
 * second key is a hash of the name). The two-key form lives apart from single-key locks such as
 * the migration lock.
 */
export const DESIGN_VERSION_LOCK_CLASS = 7_345_101;

export class SiteDesignRepository {
  private readonly designs: Repository<SiteDesignEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.designs = dataSource.getRepository(SiteDesignEntity);
  }

  /**
   * Stores `source` as the next version of `name` (1 for a new name) in one transaction. Stores
   * of one name queue on a lock for that name, so concurrent stores get consecutive versions.
   */
  storeVersion(name: string, source: string, sourceRef: string, documents: readonly unknown[]): Promise<StoredDesignVersion> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1::integer, hashtext($2))', [DESIGN_VERSION_LOCK_CLASS, name]);
      // Read committed: this statement sees every version committed before the lock was granted.
      const rows: StoredDesignVersion[] = await manager.query(
        `INSERT INTO site_designs (id, name, version, source, source_ref, documents)
         SELECT $1::uuid, $2::text, COALESCE(MAX(version), 0) + 1, $3::text, $4::text, $5::jsonb FROM site_designs WHERE name = $2::text
         RETURNING id, name, version`,
        [randomUUID(), name, source, sourceRef, JSON.stringify(documents)],
      );
      return rows[0];
    });
  }

  byId(id: string): Promise<SiteDesignEntity | null> {
    return this.designs.findOneBy({ id });
  }

  /** The newest version of `name`, or null when no design has that name. */
  latestByName(name: string): Promise<SiteDesignEntity | null> {
    return this.designs.findOne({ where: { name }, order: { version: 'DESC' } });
  }

  /** The version stored last, of any name (the orchestrator's default design); null when none is. */
  latest(): Promise<SiteDesignEntity | null> {
    return this.designs.findOne({ where: {}, order: { createdAt: 'DESC', version: 'DESC' } });
  }

  /** Every stored version (of `name`, when given), by name then version, without YAML or documents. */
  list(filter: { name?: string } = {}): Promise<SiteDesignSummary[]> {
    return this.designs.find({
      select: { id: true, name: true, version: true, sourceRef: true, createdAt: true },
      where: filter.name === undefined ? {} : { name: filter.name },
      order: { name: 'ASC', version: 'ASC' },
    });
  }
}
