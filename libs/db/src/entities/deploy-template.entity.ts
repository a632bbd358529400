import { Column, Entity, Unique } from 'typeorm';
import type { JsonObject } from './column-types';
import { CreatedAtColumn, IdentityPrimaryColumn, JsonObjectColumn, UpdatedAtColumn, UuidColumn } from './column-types';

/** A named set of deploy steps matched by trait (Ironic `deploy_templates`, API >= 1.55). */
@Entity({ name: 'deploy_templates' })
@Unique('deploy_templates_uuid_key', ['uuid'])
@Unique('deploy_templates_name_key', ['name'])
export class DeployTemplateEntity {
  @IdentityPrimaryColumn('deploy_templates')
  id!: number;

  @UuidColumn()
  uuid!: string;

  /** A valid trait name (standard or `CUSTOM_*`). */
  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @JsonObjectColumn()
  extra!: JsonObject;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date | null;
}
