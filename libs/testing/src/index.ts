export { spawnApp, SpawnedApp } from './spawned-app';
export { freePort } from './free-port';
export { testServices } from './test-services';
