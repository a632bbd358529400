import { DataSource, Repository } from 'typeorm';
import { ChassisAlreadyExistsError, ChassisNotEmptyError, ChassisNotFoundError } from '@slipway/errors';
import { ChassisEntity } from '../entities/chassis.entity';
import { applyKeysetPage, KeysetPage } from './keyset-page';
import { violatedUniqueConstraint } from './unique-violation';

export type ChassisSortKey = 'id' | 'uuid' | 'description' | 'createdAt' | 'updatedAt';

export type ChassisListPage = KeysetPage<ChassisEntity> & { sortKey: ChassisSortKey };

// The only place with SQL for chassis. The api writes chassis itself, as Ironic's does: a
// chassis is bookkeeping, no conductor work hangs on it.
export class ChassisRepository {
  private readonly chassis: Repository<ChassisEntity>;

  constructor(dataSource: DataSource) {
    this.chassis = dataSource.getRepository(ChassisEntity);
  }

  findByUuid(uuid: string): Promise<ChassisEntity | null> {
    return this.chassis.findOneBy({ uuid });
  }

  list(page: ChassisListPage): Promise<ChassisEntity[]> {
    return applyKeysetPage(this.chassis.createQueryBuilder('chassis'), 'chassis', page).getMany();
  }

  /** Inserts a chassis; a taken uuid is ChassisAlreadyExists. */
  async insert(chassis: Partial<ChassisEntity>): Promise<ChassisEntity> {
    try {
      return await this.chassis.save(this.chassis.create(chassis));
    } catch (error) {
      if (violatedUniqueConstraint(error) === 'chassis_uuid_key') throw new ChassisAlreadyExistsError({ uuid: chassis.uuid ?? '' });
      throw error;
    }
  }

  /** Writes the changed columns (updated_at included) and returns the stored row. */
  async update(id: number, changes: Partial<ChassisEntity>): Promise<ChassisEntity> {
    await this.chassis.update({ id }, { ...changes, updatedAt: () => 'now()' } as Parameters<typeof this.chassis.update>[1]);
    return (await this.chassis.findOneBy({ id })) as ChassisEntity;
  }

  /**
   * Deletes a chassis that holds no node, in one statement: ChassisNotEmpty when nodes remain,
   * ChassisNotFound when it is already gone.
   */
  async delete(chassis: Pick<ChassisEntity, 'id' | 'uuid'>): Promise<void> {
    const result = await this.chassis
      .createQueryBuilder()
      .delete()
      .where('id = :id', { id: chassis.id })
      .andWhere('NOT EXISTS (SELECT 1 FROM nodes WHERE nodes.chassis_id = :id)', { id: chassis.id })
      .execute();
    if (result.affected === 1) return;
    const stillThere = await this.chassis.existsBy({ id: chassis.id });
    throw stillThere ? new ChassisNotEmptyError({ chassis: chassis.uuid }) : new ChassisNotFoundError({ chassis: chassis.uuid });
  }
}
