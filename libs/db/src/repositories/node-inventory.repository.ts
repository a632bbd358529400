import { DataSource, EntityManager, Repository } from 'typeorm';
import type { JsonObject } from '../entities/column-types';
import { NodeInventoryEntity } from '../entities/node-inventory.entity';

// The only place with SQL for the inventories inspection stores (`/v1/nodes/{node}/inventory`).

export class NodeInventoryRepository {
  private readonly inventories: Repository<NodeInventoryEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.inventories = dataSource.getRepository(NodeInventoryEntity);
  }

  findByNodeId(nodeId: number): Promise<NodeInventoryEntity | null> {
    return this.inventories.findOneBy({ nodeId });
  }

  /** Stores the node's inventory, replacing the one of an earlier inspection (callers hold the node's lock). */
  async save(nodeId: number, inventory: JsonObject, pluginData: JsonObject, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const repository = manager.getRepository(NodeInventoryEntity);
    const replaced = await repository.update({ nodeId }, { inventoryData: inventory, pluginData, updatedAt: () => 'now()' } as Parameters<typeof repository.update>[1]);
    if (!replaced.affected) await repository.save(repository.create({ nodeId, inventoryData: inventory, pluginData }));
  }

  async deleteByNodeId(nodeId: number, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(NodeInventoryEntity).delete({ nodeId });
  }
}
