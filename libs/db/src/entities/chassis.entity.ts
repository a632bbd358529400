import { Column, Entity, Unique } from 'typeorm';
import type { JsonObject } from './column-types';
import { CreatedAtColumn, IdentityPrimaryColumn, JsonObjectColumn, UpdatedAtColumn, UuidColumn } from './column-types';

/** A hardware chassis grouping nodes (Ironic `chassis`). */
@Entity({ name: 'chassis' })
@Unique('chassis_uuid_key', ['uuid'])
export class ChassisEntity {
  @IdentityPrimaryColumn('chassis')
  id!: number;

  @UuidColumn()
  uuid!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  description!: string | null;

  @JsonObjectColumn()
  extra!: JsonObject;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date | null;
}
