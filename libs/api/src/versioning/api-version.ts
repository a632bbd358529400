// Ironic's microversions: `1.N`. We serve 1.1 to 1.87 (Ironic up to the service verb).

export const API_MIN_VERSION = '1.1';
export const API_MAX_VERSION = '1.87';
export const VERSION_HEADER = 'X-OpenStack-Ironic-API-Version';
export const MIN_VERSION_HEADER = 'X-OpenStack-Ironic-API-Minimum-Version';
export const MAX_VERSION_HEADER = 'X-OpenStack-Ironic-API-Maximum-Version';

/** A parsed microversion; `minor` orders versions since the major is always 1. */
export class ApiVersion {
  constructor(
    readonly major: number,
    readonly minor: number,
  ) {}

  static parse(text: string): ApiVersion | undefined {
    const match = /^(\d+)\.(\d+)$/.exec(text.trim());
    return match ? new ApiVersion(Number(match[1]), Number(match[2])) : undefined;
  }

  atLeast(minor: number): boolean {
    return this.minor >= minor;
  }

  toString(): string {
    return `${this.major}.${this.minor}`;
  }
}

export const MIN_VERSION = ApiVersion.parse(API_MIN_VERSION) as ApiVersion;
export const MAX_VERSION = ApiVersion.parse(API_MAX_VERSION) as ApiVersion;
