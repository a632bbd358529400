import { DataSource, EntityManager, Repository } from 'typeorm';
import { FirmwareComponentEntity } from '../entities/firmware-component.entity';

// The only place with SQL for the firmware components a conductor caches from the hardware
// (`/v1/nodes/{node}/firmware`).

/** A component as the firmware interface reports it. */
export type FirmwareComponentValues = Pick<FirmwareComponentEntity, 'component' | 'initialVersion'> &
  Partial<Pick<FirmwareComponentEntity, 'currentVersion' | 'lastVersionFlashed' | 'vendor' | 'model' | 'serialNumber'>>;

export class FirmwareComponentRepository {
  private readonly components: Repository<FirmwareComponentEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.components = dataSource.getRepository(FirmwareComponentEntity);
  }

  /** A node's components in the order they were first cached (Ironic lists them by id). */
  listByNodeId(nodeId: number): Promise<FirmwareComponentEntity[]> {
    return this.components.find({ where: { nodeId }, order: { id: 'ASC' } });
  }

  /**
   * Makes `components` the node's whole cached set in one transaction, as Ironic's cache does:
   * components that went away are deleted, new ones created, changed ones updated (updated_at
   * set). A known component keeps the initial version it was first seen with.
   */
  syncAll(nodeId: number, components: readonly FirmwareComponentValues[], manager?: EntityManager): Promise<void> {
    const work = async (tx: EntityManager) => {
      const repository = tx.getRepository(FirmwareComponentEntity);
      const current = new Map((await repository.findBy({ nodeId })).map((row) => [row.component, row]));
      const wanted = new Set(components.map((component) => component.component));
      const gone = [...current.keys()].filter((name) => !wanted.has(name));
      if (gone.length) await repository.createQueryBuilder().delete().where('node_id = :nodeId AND component IN (:...gone)', { nodeId, gone }).execute();
      for (const { initialVersion, ...values } of components) {
        const row = current.get(values.component);
        if (!row) await repository.insert({ ...values, initialVersion, nodeId });
        else if (differs(row, values)) {
          await repository.update({ id: row.id }, { ...values, updatedAt: () => 'now()' } as Parameters<typeof repository.update>[1]);
        }
      }
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }
}

function differs(row: FirmwareComponentEntity, values: Omit<FirmwareComponentValues, 'initialVersion'>): boolean {
  return Object.entries(values).some(([key, value]) => (row[key as keyof FirmwareComponentEntity] ?? null) !== (value ?? null));
}
