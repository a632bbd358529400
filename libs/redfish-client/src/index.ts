export { DEFAULT_ROOT_PATH, InvalidBmcAddressError, parseBmcAddress, type BmcAddress } from './bmc-address';
export { type AuthType, type Credentials } from './redfish-auth';
export { RedfishConnection, type RedfishConnectionOptions, type RedfishResponse } from './redfish-connection';
export { RedfishAccessError, RedfishConnectionError, RedfishError, RedfishHttpError, redfishMessages } from './redfish-errors';
export { type TlsVerification } from './redfish-transport';
export { RequestLimiter } from './request-limiter';
export { DEFAULT_RETRY_POLICY, nextRetry, retryAfterMs, type RetryPolicy } from './retry-policy';
