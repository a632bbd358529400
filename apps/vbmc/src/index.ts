// The vbmc's programmatic API, for tests in other folders that start it in-process.
export { createVbmc } from './vbmc';
export type { Vbmc, VbmcOptions, VbmcState } from './vbmc';
export type { FaultSettings } from './faults';
export type { VbmcStats } from './stats';
export type { SystemSnapshot } from './vbmc-control';
export type { Credentials } from './sessions';
export type { TlsFiles } from './vbmc-server';
export { VbmcInputError, UnknownSystemError } from './vbmc-input.error';
