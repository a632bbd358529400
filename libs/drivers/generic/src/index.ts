export { RAMDISK_INSTANCE_KEYS, RamdiskDeployInterface } from './ramdisk-deploy.interface';
export { registerGenericDrivers } from './register-generic-drivers';
