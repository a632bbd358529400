import { DataSource, Repository } from 'typeorm';
import { ChassisEntity } from '../entities/chassis.entity';

// The only place with SQL for chassis.
export class ChassisRepository {
  private readonly chassis: Repository<ChassisEntity>;

  constructor(dataSource: DataSource) {
    this.chassis = dataSource.getRepository(ChassisEntity);
  }

  findByUuid(uuid: string): Promise<ChassisEntity | null> {
    return this.chassis.findOneBy({ uuid });
  }
}
