export { configureLogging, getLogger, type Logger, type LoggingOptions, type LogFormat, type LogLevel } from './logger';
export { correlation, newCorrelationId } from './correlation';
export { type LogDestination } from './pretty-format';
export { isSecretKey, maskSecretsInText, redactSecrets, REDACTED } from './redaction';
