import { open } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Inject, Injectable } from '@nestjs/common';
import { DesignSourceError } from '../errors/site-design.error';
import type { DesignSource } from './design-request.dto';

/** How far the orchestrator goes to read a design's `href`. */
export interface DesignSourceLimits {
  /** The whole fetch of a URL (connect, headers, body). */
  timeoutMs: number;
  /** The largest design read, from a URL or a file. */
  maxBytes: number;
}

export const DESIGN_SOURCE_LIMITS = Symbol('DESIGN_SOURCE_LIMITS');
export const DEFAULT_DESIGN_SOURCE_LIMITS: DesignSourceLimits = { timeoutMs: 10_000, maxBytes: 16 * 1024 * 1024 };

/** A design's YAML and where it came from (`inline`, the URL, or the file's path). */
export interface DesignText {
  yaml: string;
  ref: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads the YAML of a design: given inline, or from its `href` — an http(s) URL (fetched with a
 * timeout), a file URL or an absolute path on the orchestrator's host. Every failure is
 * DesignSourceError (400) naming the href and why.
 */
@Injectable()
export class DesignSourceService {
  constructor(@Inject(DESIGN_SOURCE_LIMITS) private readonly limits: DesignSourceLimits) {}

  async read(source: DesignSource): Promise<DesignText> {
    if (source.kind === 'inline') return { yaml: source.yaml, ref: 'inline' };
    const { href } = source;
    if (/^https?:\/\//i.test(href)) return { yaml: this.decode(href, await this.fetch(href)), ref: href };
    return { yaml: this.decode(href, await this.readFile(href, this.pathOf(href))), ref: href };
  }

  private pathOf(href: string): string {
    if (/^file:/i.test(href)) {
      try {
        return fileURLToPath(href);
      } catch (error) {
        throw new DesignSourceError({ href, reason: `not a file URL of this host (${(error as Error).message})` });
      }
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(href)) throw new DesignSourceError({ href, reason: 'only http, https and file URLs, and absolute paths, are read' });
    if (!isAbsolute(href)) throw new DesignSourceError({ href, reason: 'a path must be absolute (it is read on the orchestrator host)' });
    return href;
  }

  private async fetch(href: string): Promise<Uint8Array> {
    let response: Response;
    const signal = AbortSignal.timeout(this.limits.timeoutMs);
    try {
      response = await fetch(href, { signal, redirect: 'follow', headers: { accept: 'application/x-yaml, text/yaml, text/plain, */*' } });
    } catch (error) {
      throw new DesignSourceError({ href, reason: signal.aborted ? `no answer within ${this.limits.timeoutMs / 1000} s` : fetchFailure(error) });
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new DesignSourceError({ href, reason: `the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` });
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > this.limits.maxBytes) {
      await response.body?.cancel();
      throw this.tooLarge(href);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body ?? []) {
        size += chunk.byteLength;
        // Leaving the loop cancels the rest of the body.
        if (size > this.limits.maxBytes) throw this.tooLarge(href);
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof DesignSourceError) throw error;
      throw new DesignSourceError({ href, reason: signal.aborted ? `no answer within ${this.limits.timeoutMs / 1000} s` : fetchFailure(error) });
    }
    return Buffer.concat(chunks);
  }

  private async readFile(href: string, path: string): Promise<Uint8Array> {
    try {
      const file = await open(path, 'r');
      try {
        const stats = await file.stat();
        if (!stats.isFile()) throw new DesignSourceError({ href, reason: 'not a regular file' });
        if (stats.size > this.limits.maxBytes) throw this.tooLarge(href);
        return await file.readFile();
      } finally {
        await file.close();
      }
    } catch (error) {
      if (error instanceof DesignSourceError) throw error;
      throw new DesignSourceError({ href, reason: fileFailure(error as NodeJS.ErrnoException) });
    }
  }

  private decode(href: string, bytes: Uint8Array): string {
    try {
      return utf8.decode(bytes);
    } catch {
      throw new DesignSourceError({ href, reason: 'it is not UTF-8 text' });
    }
  }

  private tooLarge(href: string): DesignSourceError {
    return new DesignSourceError({ href, reason: `it is larger than ${this.limits.maxBytes} bytes` });
  }
}

/** Why fetch failed, from undici's cause (`ECONNREFUSED`, `ENOTFOUND`, a TLS error). */
function fetchFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code === 'ENOTFOUND') return 'unknown host';
  return cause?.message ?? (error as Error).message;
}

function fileFailure(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
      return 'permission denied';
    case 'EISDIR':
      return 'not a regular file';
    default:
      return error.message;
  }
}
