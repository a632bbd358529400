export { parseRedfishDriverInfo, REDFISH_DRIVER_INFO, REDFISH_PROPERTIES, tlsVerificationOf, type RedfishDriverInfo } from './redfish-driver-info';
export { DEFAULT_QUIRKS, QUIRK_TABLE, quirksFor, type BmcIdentity, type RedfishQuirks } from './redfish-quirks';
