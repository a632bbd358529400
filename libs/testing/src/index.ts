export { spawnApp, SpawnedApp } from './spawned-app';
export { freePort } from './free-port';
export { testServices } from './test-services';
export { startStandalone, RunningStandalone } from './standalone';
export { baremetalCli, ensureBaremetalCli, BaremetalCli } from './baremetal-cli';
