export { sharedData, sharedDataDir } from './shared-data';
