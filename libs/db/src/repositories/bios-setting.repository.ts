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
   * Makes `settings` the node's whole cached set, as Ironic's cache does: settings that went away
   * are deleted, new ones created (in one statement), changed ones updated (updated_at set),
   * unchanged ones left alone. A set that did not change costs one read and no transaction:
   * conductors refresh the cache at every verify and after every BIOS step.
   */
  async syncAll(nodeId: number, settings: readonly BiosSettingValues[], manager?: EntityManager): Promise<void> {
    const plan = (current: BiosSettingEntity[]) => {
      const byName = new Map(current.map((row) => [row.name, row]));
      const wanted = new Set(settings.map((setting) => setting.name));
      return {
        gone: current.map((row) => row.name).filter((name) => !wanted.has(name)),
        added: settings.filter((setting) => !byName.has(setting.name)),
        changed: settings.filter((setting) => {
          const row = byName.get(setting.name);
          return row !== undefined && differs(row, setting);
        }),
      };
    };
    const apply = async (tx: EntityManager, changes: ReturnType<typeof plan>) => {
      const repository = tx.getRepository(BiosSettingEntity);
      const { gone, added, changed } = changes;
      if (gone.length) await repository.createQueryBuilder().delete().where('node_id = :nodeId AND name IN (:...gone)', { nodeId, gone }).execute();
      if (added.length) await repository.insert(added.map((setting) => ({ ...setting, nodeId })));
      for (const setting of changed) {
        await repository.update({ nodeId, name: setting.name }, { ...setting, updatedAt: () => 'now()' } as Parameters<typeof repository.update>[1]);
      }
    };
    if (manager) return apply(manager, plan(await manager.getRepository(BiosSettingEntity).findBy({ nodeId })));
    const changes = plan(await this.settings.findBy({ nodeId }));
    if (changes.gone.length + changes.added.length + changes.changed.length === 0) return;
    await this.dataSource.transaction((tx) => apply(tx, changes));
  }
}

function differs(row: BiosSettingEntity, setting: BiosSettingValues): boolean {
  return Object.entries(setting).some(([key, value]) => JSON.stringify(row[key as keyof BiosSettingEntity] ?? null) !== JSON.stringify(value ?? null));
}
