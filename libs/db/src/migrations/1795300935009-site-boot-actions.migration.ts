import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Boot actions (Drydock's bootaction table): one row per boot action of a design on a node for one
 * deploy, with the node's key and the status the node reports. Generated from the entities
 * (cli/generate-migration).
 */
export class SiteBootActions1795300935009 implements MigrationInterface {
  name = 'SiteBootActions1795300935009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "site_boot_actions" ("action_id" character varying(26) NOT NULL, "task_id" uuid NOT NULL, "subtask_id" uuid NOT NULL, "node_name" character varying(255) NOT NULL, "action_name" character varying(255) NOT NULL, "identity_key" character varying(128) NOT NULL, "signaling" boolean NOT NULL, "status" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "site_boot_actions_pkey" PRIMARY KEY ("action_id"))`);
    await queryRunner.query(`CREATE INDEX "site_boot_actions_task_id_node_name_idx" ON "site_boot_actions" ("task_id", "node_name")`);
    await queryRunner.query(`CREATE INDEX "site_boot_actions_node_name_created_at_idx" ON "site_boot_actions" ("node_name", "created_at")`);
    await queryRunner.query(`ALTER TABLE "site_boot_actions" ADD CONSTRAINT "site_boot_actions_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "site_tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "site_boot_actions" DROP CONSTRAINT "site_boot_actions_task_id_fkey"`);
    await queryRunner.query(`DROP INDEX "site_boot_actions_node_name_created_at_idx"`);
    await queryRunner.query(`DROP INDEX "site_boot_actions_task_id_node_name_idx"`);
    await queryRunner.query(`DROP TABLE "site_boot_actions"`);
  }
}
