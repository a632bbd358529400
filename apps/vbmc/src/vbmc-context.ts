import { Authenticator } from './auth';
import { CloneRenderer } from './clone-renderer';
import { CloneRegistry } from './clone-systems';
import { FaultInjector } from './faults';
import { JsonObject } from './json';
import { MockupTree } from './mockup-tree';
import { PowerController } from './power-controller';
import { SessionStore } from './sessions';
import { RequestStats } from './stats';
import { TaskService } from './tasks';
import { VolumeService } from './volumes';

/** Everything a request handler may use; built once per vbmc by `createVbmc`. */
export interface VbmcContext {
  tree: MockupTree;
  clones: CloneRegistry;
  renderer: CloneRenderer;
  power: PowerController;
  volumes: VolumeService;
  tasks: TaskService;
  sessions: SessionStore;
  auth: Authenticator;
  faults: FaultInjector;
  stats: RequestStats;
  /** Systems, Managers and Chassis collections with the clones in place of the templates. */
  collections: Map<string, JsonObject>;
  /** Lookup keys that reach UpdateService.SimpleUpdate. */
  simpleUpdateKeys: Set<string>;
}
