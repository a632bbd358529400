import { InvalidParameterValueError } from '@slipway/errors';
import { declareStep, type DeclaredStep } from './step-registry';
import type { StepArgsInfo, StepKind, StepMethod, StepOptions } from './step.types';

type StepDecorator = <M extends StepMethod>(prototype: object, methodName: string, descriptor: TypedPropertyDescriptor<M>) => void;

interface KindDefaults {
  abortable: boolean;
  requiresRamdisk: boolean;
}

// Ironic's defaults: deploy steps may be aborted, clean and service steps may not; clean and
// service steps run in the ramdisk unless told otherwise.
const KIND_DEFAULTS: Record<StepKind, KindDefaults> = {
  clean: { abortable: false, requiresRamdisk: true },
  deploy: { abortable: true, requiresRamdisk: false },
  service: { abortable: false, requiresRamdisk: true },
  verify: { abortable: false, requiresRamdisk: false },
};

function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function checkArgsinfo(where: string, argsinfo: StepArgsInfo | undefined): StepArgsInfo | null {
  if (argsinfo === undefined) return null;
  for (const [arg, info] of Object.entries(argsinfo)) {
    const extra = Object.keys(info).filter((key) => key !== 'description' && key !== 'required');
    if (typeof info.description !== 'string' || info.description === '') {
      throw new InvalidParameterValueError(`Step ${where}: argument ${arg} needs a description.`);
    }
    if (info.required !== undefined && typeof info.required !== 'boolean') {
      throw new InvalidParameterValueError(`Step ${where}: 'required' of argument ${arg} must be a boolean.`);
    }
    if (extra.length > 0) {
      throw new InvalidParameterValueError(`Step ${where}: argument ${arg} has unknown keys ${extra.join(', ')}.`);
    }
  }
  return Object.freeze({ ...argsinfo });
}

function stepDecorator(kind: StepKind, options: StepOptions): StepDecorator {
  return (prototype, methodName) => {
    const step = options.name ?? snakeCase(methodName);
    const where = `${prototype.constructor.name}.${step}`;
    if (!Number.isInteger(options.priority) || options.priority < 0) {
      throw new InvalidParameterValueError(`Step ${where}: priority must be a non-negative integer, got ${String(options.priority)}.`);
    }
    const defaults = KIND_DEFAULTS[kind];
    const declared: DeclaredStep = {
      step,
      priority: options.priority,
      abortable: options.abortable ?? defaults.abortable,
      argsinfo: checkArgsinfo(where, options.argsinfo),
      requiresRamdisk: options.requiresRamdisk ?? defaults.requiresRamdisk,
      repeatable: options.repeatable ?? true,
    };
    declareStep(prototype, methodName, kind, declared);
  };
}

/** Marks an interface method as a deploy step. The method takes `(task, args)`, args by wire name. */
export function deployStep(options: StepOptions): StepDecorator {
  return stepDecorator('deploy', options);
}

/** Marks an interface method as a clean step (priority 0: manual cleaning only). */
export function cleanStep(options: StepOptions): StepDecorator {
  return stepDecorator('clean', options);
}

/** Marks an interface method as a service step; always explicitly requested, so priority defaults to 0. */
export function serviceStep(options: Partial<StepOptions> = {}): StepDecorator {
  return stepDecorator('service', { ...options, priority: options.priority ?? 0 });
}

/** Marks an interface method as a verify step (run when a node becomes manageable). */
export function verifyStep(options: StepOptions): StepDecorator {
  return stepDecorator('verify', options);
}
