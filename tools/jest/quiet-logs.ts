// Tests log nothing unless asked: SLIPWAY_TEST_LOG_LEVEL=debug npx jest <path>.
import { configureLogging, LogLevel } from '@slipway/logging';

configureLogging({ level: (process.env.SLIPWAY_TEST_LOG_LEVEL as LogLevel | undefined) ?? 'silent' });
