export { spawnApp, SpawnedApp } from './spawned-app';
export { freePort } from './free-port';
export { testServices } from './test-services';
export { startStandalone, RunningStandalone } from './standalone';
export { baremetalCli, ensureBaremetalCli, BaremetalCli } from './baremetal-cli';
export { IronicHttp, IronicResponse } from './ironic-http';
export { CreateNodesOptions, TestCluster, TestClusterOptions } from './test-cluster';
export { waitUntil } from './wait-until';
export { strictFake } from './strict-fake';
