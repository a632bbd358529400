import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDataSource, createTestDatabase, NodeRepository, SiteDesignRepository, SiteTaskRepository, type DataSource, type SiteTaskEntity } from '@slipway/db';
import { createSiteTask, parseDesignYaml, type NodeFilterSet } from '@slipway/site';
import { IronicHttp, startStandalone, testServices, waitUntil, type SpawnedApp } from '@slipway/testing';

// What the orchestrator's cross-process tests share: the example site design adjusted to the test,
// and the database side of a test (store a design version, queue a task, wait for it, read its
// steps), through the same repositories the orchestrator uses.

const EXAMPLE = readFileSync(join(__dirname, '../../docs/examples/valid-site.yaml'), 'utf8');

/**
 * docs/examples/valid-site.yaml (2 racks of 10 nodes) with the OOB type of its host profile set
 * to `fake`, which is how a design asks for fake hardware; `edit` changes the YAML further.
 */
export function fakeSiteYaml(edit: (yaml: string) => string = (yaml) => yaml): string {
  const yaml = EXAMPLE.replace(/(\n {2}oob:\n {4}type: )ipmi\n/, '$1fake\n');
  if (yaml === EXAMPLE) throw new Error('the example design no longer has an ipmi host profile to turn into fake hardware');
  return edit(yaml);
}

/** Adds `fields` (YAML lines at the node's `data` level) to one BaremetalNode document of the design. */
export function withNodeData(yaml: string, node: string, fields: string): string {
  const name = yaml.indexOf(`\n  name: ${node}\n`);
  const data = name < 0 ? -1 : yaml.indexOf('\ndata:\n', name);
  if (data < 0) throw new Error(`no BaremetalNode ${node} in the design`);
  const at = data + '\ndata:\n'.length;
  return `${yaml.slice(0, at)}${fields.replace(/^/gm, '  ')}\n${yaml.slice(at)}`;
}

export const TERMINAL = ['complete', 'terminated'];

export class SiteTaskDb {
  readonly designs: SiteDesignRepository;
  readonly tasks: SiteTaskRepository;
  readonly nodes: NodeRepository;

  private constructor(readonly dataSource: DataSource) {
    this.designs = new SiteDesignRepository(dataSource);
    this.tasks = new SiteTaskRepository(dataSource);
    this.nodes = new NodeRepository(dataSource);
  }

  /** Opens the database an app has migrated. */
  static async open(url: string): Promise<SiteTaskDb> {
    return new SiteTaskDb(await createDataSource({ url, poolSize: 2 }).initialize());
  }

  async storeDesign(yaml: string, name = 'site'): Promise<{ designId: string; version: number }> {
    const parsed = parseDesignYaml(yaml);
    if (parsed.problems.length > 0) throw new Error(`the test design does not parse: ${JSON.stringify(parsed.problems)}`);
    const documents = parsed.documents.map(({ kind, name: documentName, labels, data, source }) => ({ kind, name: documentName, labels, data, source }));
    const stored = await this.designs.storeVersion(name, yaml, 'inline', documents);
    return { designId: stored.id, version: stored.version };
  }

  /** Stores a task `queued`, as the API does; the orchestrator finds it (SLIPWAY_ORCHESTRATOR_POLL_INTERVAL). */
  async queueTask(action: string, designRef: { designId: string; version: number }, nodeFilter: NodeFilterSet | null = null): Promise<string> {
    const task = createSiteTask({ id: crypto.randomUUID(), action, at: new Date(), designRef, nodeFilter, createdBy: 'test' });
    const { messages: _messages, ...result } = task.result;
    await this.tasks.insert({ id: task.id, action, designId: designRef.designId, designVersion: designRef.version, nodeFilter: nodeFilter as never, status: 'queued', result, createdAt: task.createdAt, createdBy: 'test' });
    return task.id;
  }

  async waitForTask(taskId: string, timeoutMs: number): Promise<SiteTaskEntity> {
    let task: SiteTaskEntity | null = null;
    await waitUntil(async () => TERMINAL.includes((task = await this.tasks.byId(taskId))?.status ?? ''), `task ${taskId} to finish`, timeoutMs, 250);
    return task as unknown as SiteTaskEntity;
  }

  /** `node/step` of every step done, in the order they finished. */
  async doneSteps(taskId: string): Promise<string[]> {
    return (await this.tasks.doneSteps(taskId)).map((step) => `${step.nodeName}/${step.step}`);
  }

  async errorMessages(taskId: string): Promise<string[]> {
    return this.messages(taskId, true);
  }

  /** `context: message` of every message of the task and its subtasks (only the errors with `errors`). */
  async messages(taskId: string, errors = false): Promise<string[]> {
    const tree = await this.tasks.tree(taskId);
    const ids = tree ? [tree.root.id, ...tree.descendants.map((task) => task.id)] : [];
    const messages = await Promise.all(ids.map((id) => this.tasks.messages(id)));
    return messages.flat().filter((message) => !errors || message.error).map((message) => `${message.context}: ${message.message}`);
  }

  close(): Promise<void> {
    return this.dataSource.destroy();
  }
}

/** A standalone Slipway (api, conductor, orchestrator; in-process RPC and queue) on a fresh database of the real PostgreSQL. */
export interface StandaloneSite {
  app: SpawnedApp;
  /** The api's (and orchestrator's) base URL. */
  url: string;
  http: IronicHttp;
  db: SiteTaskDb;
  stop(): Promise<void>;
}

export async function startStandaloneSite(env: Record<string, string> = {}): Promise<StandaloneSite> {
  const database = await createTestDatabase(testServices.databaseAdminUrl);
  const standalone = await startStandalone({ SLIPWAY_DATABASE_URL: database.url, SLIPWAY_ORCHESTRATOR_POLL_INTERVAL: '0.5', ...env });
  const db = await SiteTaskDb.open(database.url);
  return {
    app: standalone.app,
    url: standalone.url,
    http: new IronicHttp(standalone.url, '1.87'),
    db,
    stop: async () => {
      await db.close();
      await standalone.stop();
      await database.drop();
    },
  };
}

/** prepare_nodes then deploy_nodes over the whole design: every task complete with a success per node, a subtask per node, every node active. */
export async function expectSitePreparedAndDeployed(db: SiteTaskDb, http: IronicHttp, design: { designId: string; version: number }, nodes = 20): Promise<void> {
  const states = async () => (await http.allNodes('fields=name,provision_state')).map((node) => node.provision_state as string);
  const prepare = await db.queueTask('prepare_nodes', design);
  expect(await db.waitForTask(prepare, 120_000)).toMatchObject({ status: 'complete', result: { status: 'success', failures: [] } });
  expect(await db.errorMessages(prepare)).toEqual([]);
  expect(new Set(await states())).toEqual(new Set(['manageable']));

  const deploy = await db.queueTask('deploy_nodes', design);
  const deployed = await db.waitForTask(deploy, 180_000);
  expect(await db.errorMessages(deploy)).toEqual([]);
  expect(deployed).toMatchObject({ status: 'complete', result: { status: 'success', failures: [] } });
  expect(deployed.result.successes).toHaveLength(nodes);
  const subtasks = await db.tasks.children(deploy);
  expect(subtasks.map((subtask) => [subtask.status, subtask.result.status, subtask.result.successes.length])).toEqual(Array(nodes).fill(['complete', 'success', 1]));
  const active = await states();
  expect(active).toHaveLength(nodes);
  expect(new Set(active)).toEqual(new Set(['active']));
  // apply_node_networking, apply_node_storage, apply_node_platform, create_boot_media, deploy_node, config_port_production, bootaction_report.
  expect(await db.doneSteps(deploy)).toHaveLength(nodes * 7);
}
