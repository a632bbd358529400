import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidParameterValueError, MissingParameterValueError, type DriverNode } from '@slipway/drivers-framework';
import { InvalidBmcAddressError, parseBmcAddress, type AuthType, type TlsVerification } from '@slipway/redfish-client';

/** Ironic's redfish driver_info keys, so Ironic enrolment files work unchanged. */
export const REDFISH_DRIVER_INFO = {
  address: 'redfish_address',
  systemId: 'redfish_system_id',
  username: 'redfish_username',
  password: 'redfish_password',
  verifyCa: 'redfish_verify_ca',
  authType: 'redfish_auth_type',
} as const;

export const REDFISH_PROPERTIES: Readonly<Record<string, string>> = Object.freeze({
  [REDFISH_DRIVER_INFO.address]: 'The URL of the Redfish controller: http(s)://host[:port][/root path], or a host (https is assumed). Required.',
  [REDFISH_DRIVER_INFO.systemId]:
    'The path of the ComputerSystem in the Redfish tree, e.g. /redfish/v1/Systems/1 (or its Id). Optional when the BMC manages exactly one system.',
  [REDFISH_DRIVER_INFO.username]: 'User account with admin/server-profile access privilege. Optional.',
  [REDFISH_DRIVER_INFO.password]: 'User account password. Optional.',
  [REDFISH_DRIVER_INFO.verifyCa]:
    'true (default) to verify the BMC certificate against the system CAs, false to skip verification, or the path of a CA bundle file or directory. Optional.',
  [REDFISH_DRIVER_INFO.authType]: 'Redfish HTTP authentication: "basic", "session" or "auto" (sessions, falling back to basic). Default auto. Optional.',
});

const AUTH_TYPES: readonly AuthType[] = ['basic', 'session', 'auto'];
const TRUE_WORDS = ['true', 'yes', 'on', '1', 't', 'y'];
const FALSE_WORDS = ['false', 'no', 'off', '0', 'f', 'n'];

/** What a node's driver_info says about its BMC, checked. */
export interface RedfishDriverInfo {
  /** As given (the connection pool key and log context). */
  address: string;
  /** A path or an Id; undefined: the BMC's only system. */
  systemId?: string;
  username?: string;
  password?: string;
  /** A CA bundle is given as its path; it is read when a connection is made. */
  verify: true | false | { caPath: string };
  authType: AuthType;
}

/**
 * Reads and checks the redfish keys of driver_info, saying exactly which key is wrong and why.
 * With `requireAddress` false only the keys present are checked (enrolment may come before the
 * BMC details); otherwise redfish_address must be there.
 */
export function parseRedfishDriverInfo(node: Pick<DriverNode, 'uuid' | 'driverInfo'>, requireAddress = true): RedfishDriverInfo {
  const info = node.driverInfo;
  const where = (key: string) => `driver_info/${key} on node ${node.uuid}`;
  const address = info[REDFISH_DRIVER_INFO.address];
  if (address === undefined || address === null || address === '') {
    if (requireAddress) throw new MissingParameterValueError(`Missing the following Redfish properties in node ${node.uuid} driver_info: ${REDFISH_DRIVER_INFO.address}.`);
  } else {
    if (typeof address !== 'string') throw new InvalidParameterValueError(`Invalid Redfish address ${JSON.stringify(address)} set in ${where(REDFISH_DRIVER_INFO.address)}: it must be a string.`);
    try {
      parseBmcAddress(address);
    } catch (error) {
      if (!(error instanceof InvalidBmcAddressError)) throw error;
      throw new InvalidParameterValueError(`${error.message.replace(/\.$/, '')} (set in ${where(REDFISH_DRIVER_INFO.address)}).`);
    }
  }
  return {
    address: typeof address === 'string' ? address : '',
    systemId: systemIdOf(info[REDFISH_DRIVER_INFO.systemId], where(REDFISH_DRIVER_INFO.systemId)),
    username: stringOf(info[REDFISH_DRIVER_INFO.username], where(REDFISH_DRIVER_INFO.username)),
    password: stringOf(info[REDFISH_DRIVER_INFO.password], where(REDFISH_DRIVER_INFO.password)),
    verify: verifyOf(info[REDFISH_DRIVER_INFO.verifyCa], where(REDFISH_DRIVER_INFO.verifyCa)),
    authType: authTypeOf(info[REDFISH_DRIVER_INFO.authType], where(REDFISH_DRIVER_INFO.authType)),
  };
}

/** Ironic takes a path (not a URL) of the system; an Id alone is accepted and found under Systems. */
function systemIdOf(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const reason = typeof value !== 'string' ? 'it must be a string' : /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? 'it must be a path, not a URL' : /[\s?#]/.test(value) ? 'it must not contain spaces, ? or #' : undefined;
  if (reason) {
    throw new InvalidParameterValueError(`Invalid value ${JSON.stringify(value)} set in ${where}: ${reason}. The value should be the path of a System in the Redfish tree, e.g. /redfish/v1/Systems/1.`);
  }
  return value as string;
}

function stringOf(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InvalidParameterValueError(`Invalid value set in ${where}: it must be a string.`);
  return value;
}

function verifyOf(value: unknown, where: string): RedfishDriverInfo['verify'] {
  if (value === undefined || value === null || value === true) return true;
  if (value === false) return false;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.includes(word)) return true;
    if (FALSE_WORDS.includes(word)) return false;
    if (existsSync(value)) return { caPath: value };
  }
  throw new InvalidParameterValueError(`Invalid value ${JSON.stringify(value)} set in ${where}: it should be a Boolean or the path of an existing CA bundle file or directory.`);
}

function authTypeOf(value: unknown, where: string): AuthType {
  if (value === undefined || value === null || value === '') return 'auto';
  if (typeof value === 'string' && (AUTH_TYPES as readonly string[]).includes(value)) return value as AuthType;
  throw new InvalidParameterValueError(`Invalid value ${JSON.stringify(value)} set in ${where}: it should be one of ${AUTH_TYPES.join(', ')}.`);
}

/** The TLS verification for a connection: a CA path becomes the PEM text of the file, or of every file in the directory. */
export function tlsVerificationOf(verify: RedfishDriverInfo['verify']): TlsVerification {
  if (typeof verify === 'boolean') return verify;
  const path = verify.caPath;
  const files = statSync(path).isDirectory() ? readdirSync(path).map((name) => join(path, name)).filter((file) => statSync(file).isFile()) : [path];
  return { ca: files.map((file) => readFileSync(file, 'utf8')).join('\n') };
}
