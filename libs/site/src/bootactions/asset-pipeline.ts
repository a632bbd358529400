import { InvalidParameterValueError } from '@slipway/errors';
import { renderTemplate } from './jinja-subset';

/**
 * What flows through a pipeline: bytes (a Buffer) or text (a string), as in Drydock where each
 * step takes and gives Python `bytes` or `str`. A step given the other kind fails, as it does there.
 */
export type PipelineValue = Buffer | string;

export const PIPELINE_STEPS = ['base64_decode', 'base64_encode', 'utf8_decode', 'utf8_encode', 'template'] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES = new Map([...BASE64_ALPHABET].map((char, value) => [char.charCodeAt(0), value]));
const PAD = '='.charCodeAt(0);

/**
 * Python's `base64.b64decode` (not strict): bytes outside the alphabet (newlines, spaces) are
 * skipped, input ends at the padding that completes a quad, and a quad left open is an error.
 */
function base64Decode(input: Buffer): Buffer | { problem: string } {
  const out: number[] = [];
  let quad = 0;
  let pads = 0;
  let left = 0;
  for (const byte of input) {
    if (byte === PAD) {
      if (quad >= 2 && quad + ++pads >= 4) return Buffer.from(out);
      continue;
    }
    const value = BASE64_VALUES.get(byte);
    if (value === undefined) continue;
    pads = 0;
    if (quad === 0) left = value;
    else if (quad === 1) out.push(((left << 2) | (value >> 4)) & 0xff);
    else if (quad === 2) out.push(((left << 4) | (value >> 2)) & 0xff);
    else out.push(((left << 6) | value) & 0xff);
    left = value;
    quad = (quad + 1) % 4;
  }
  if (quad === 1) return { problem: 'the number of base64 characters is one more than a multiple of 4' };
  if (quad !== 0) return { problem: 'incorrect base64 padding' };
  return Buffer.from(out);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** One step: its value, or what is wrong. */
function runStep(step: PipelineStep, value: PipelineValue, context: object): PipelineValue | { problem: string } {
  const isText = typeof value === 'string';
  switch (step) {
    case 'base64_decode': {
      if (isText && !/^[\x00-\x7f]*$/.test(value)) return { problem: 'base64 text must be ASCII' };
      return base64Decode(isText ? Buffer.from(value, 'ascii') : value);
    }
    case 'base64_encode':
      return isText ? { problem: 'needs bytes but got text (put utf8_encode before it)' } : Buffer.from(value.toString('base64'), 'ascii');
    case 'utf8_decode':
      if (isText) return { problem: 'needs bytes but got text (the value is already decoded)' };
      try {
        return UTF8.decode(value);
      } catch {
        return { problem: 'the bytes are not valid UTF-8' };
      }
    case 'utf8_encode':
      return isText ? Buffer.from(value, 'utf8') : { problem: 'needs text but got bytes (put utf8_decode before it)' };
    case 'template':
      return isText ? renderTemplate(value, context) : { problem: 'needs text but got bytes (put utf8_decode before it)' };
  }
}

/**
 * Runs `steps` over `value` in order, as Drydock's `execute_pipeline`. `field` names the pipeline
 * in errors (`data_pipeline`, `location_pipeline`).
 */
export function runPipeline(value: PipelineValue, steps: readonly string[], context: object, field: string): PipelineValue {
  return steps.reduce<PipelineValue>((current, step, index) => {
    const where = `${field}[${index}] (${step})`;
    if (!(PIPELINE_STEPS as readonly string[]).includes(step)) {
      throw new InvalidParameterValueError(`${where}: no such pipeline step (known: ${PIPELINE_STEPS.join(', ')})`, { step });
    }
    let result: PipelineValue | { problem: string };
    try {
      result = runStep(step as PipelineStep, current, context);
    } catch (error) {
      if (!(error instanceof InvalidParameterValueError)) throw error;
      result = { problem: error.message };
    }
    if (typeof result === 'string' || Buffer.isBuffer(result)) return result;
    throw new InvalidParameterValueError(`${where}: ${result.problem}`, { step });
  }, value);
}
