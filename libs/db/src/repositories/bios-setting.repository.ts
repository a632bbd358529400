import { DataSource, EntityManager, Repository } from 'typeorm';
import { BiosSettingEntity } from '../entities/bios-setting.entity';

// The only place with SQL for the BIOS settings a conductor caches from the hardware
// (`/v1/nodes/{node}/bios`).

/** A setting as the BIOS interface reports it, registry metadata included when known. */
export type BiosSettingValues = Pick<BiosSettingEntity, 'name' | 'value'> & Partial<Omit<BiosSettingEntity, 'nodeId' | 'node' | 'createdAt' | 'updatedAt'>>;

export class BiosSettingRepository {
  private readonly settings: Repository<BiosSettingEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.settings = dataSource.getRepository(BiosSettingEntity);
  }

  /** A node's settings by name. */
  listByNodeId(nodeId: number): Promise<BiosSettingEntity[]> {
    return this.settings.find({ where: { nodeId }, order: { name: 'ASC' } });
  }

  find(nodeId: number, name: string): Promise<BiosSettingEntity | null> {
    return this.settings.findOneBy({ nodeId, name });
  }

  /**
   * Makes `settings` the node's whole cached set in one transaction, as Ironic's cache does:
   * settings that went away are deleted, new ones created, changed ones updated (updated_at set),
   * unchanged ones left alone.
   */
  syncAll(nodeId: number, settings: readonly BiosSettingValues[], manager?: EntityManager): Promise<void> {
    const work = async (tx: EntityManager) => {
      const repository = tx.getRepository(BiosSettingEntity);
      const current = new Map((await repository.findBy({ nodeId })).map((row) => [row.name, row]));
      const wanted = new Set(settings.map((setting) => setting.name));
      const gone = [...current.keys()].filter((name) => !wanted.has(name));
      if (gone.length) await repository.createQueryBuilder().delete().where('node_id = :nodeId AND name IN (:...gone)', { nodeId, gone }).execute();
      for (const setting of settings) {
        const row = current.get(setting.name);
        if (!row) await repository.insert({ ...setting, nodeId });
        else if (differs(row, setting)) {
          await repository.update({ nodeId, name: setting.name }, { ...setting, updatedAt: () => 'now()' } as Parameters<typeof repository.update>[1]);
        }
      }
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }
}

function differs(row: BiosSettingEntity, setting: BiosSettingValues): boolean {
  return Object.entries(setting).some(([key, value]) => JSON.stringify(row[key as keyof BiosSettingEntity] ?? null) !== JSON.stringify(value ?? null));
}
