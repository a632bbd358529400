import type { StepArgsInfo, StepKind } from './step.types';

/** A step as declared by a decorator, before it is read from an instance. */
export interface DeclaredStep {
  step: string;
  priority: number;
  abortable: boolean;
  argsinfo: StepArgsInfo | null;
  requiresRamdisk: boolean;
  repeatable: boolean;
}

type MethodSteps = Partial<Record<StepKind, DeclaredStep>>;

// Steps hang on the prototype that declares them, so subclasses inherit them and an override
// without the decorator drops them (as in Ironic, where the metadata lives on the function).
const declared = new WeakMap<object, Map<string, MethodSteps>>();

export function declareStep(prototype: object, methodName: string, kind: StepKind, step: DeclaredStep): void {
  const methods = declared.get(prototype) ?? new Map<string, MethodSteps>();
  declared.set(prototype, methods);
  const kinds = methods.get(methodName) ?? {};
  methods.set(methodName, { ...kinds, [kind]: step });
}

export interface FoundStep {
  methodName: string;
  declared: DeclaredStep;
}

/** The steps of one kind that an instance really has, most derived class first. */
export function findSteps(instance: object, kind: StepKind): FoundStep[] {
  const found: FoundStep[] = [];
  const seen = new Set<string>();
  for (let proto = Object.getPrototypeOf(instance); proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [methodName, kinds] of declared.get(proto) ?? []) {
      const step = kinds[kind];
      if (step === undefined || seen.has(methodName)) continue;
      seen.add(methodName);
      if ((instance as Record<string, unknown>)[methodName] === proto[methodName]) found.push({ methodName, declared: step });
    }
  }
  return found;
}
