import { readFileSync } from 'node:fs';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { StartupError } from '../startup.error';
import { BasicAuthGuard } from './basic-auth.guard';
import { Htpasswd } from './htpasswd';

export interface AuthSettings {
  strategy: 'noauth' | 'http_basic';
  htpasswdFile?: string;
}

/**
 * Authentication for every route of the process (`noauth` or `http_basic`, as Ironic offers).
 * The htpasswd file is read once at start; a missing or bad file stops the process.
 */
@Module({})
export class AuthModule {
  static forRoot(settings: AuthSettings): DynamicModule {
    if (settings.strategy === 'noauth') return { module: AuthModule };
    const htpasswd = loadHtpasswd(settings.htpasswdFile as string);
    return { module: AuthModule, providers: [{ provide: Htpasswd, useValue: htpasswd }, { provide: APP_GUARD, useClass: BasicAuthGuard }] };
  }
}

function loadHtpasswd(file: string): Htpasswd {
  try {
    return Htpasswd.parse(readFileSync(file, 'utf8'), file);
  } catch (error) {
    throw new StartupError('SLIPWAY_HTPASSWD_FILE', error);
  }
}
