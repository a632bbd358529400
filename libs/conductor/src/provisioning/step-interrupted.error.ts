import type { StepKind } from '@slipway/drivers-framework';

/**
 * A step was in flight when its conductor stopped, and the step does not declare itself safe to
 * run again (`repeatable: false`): resuming would risk running it twice, so the work fails.
 */
export class StepInterruptedError extends Error {
  constructor(readonly details: { kind: StepKind; step: string; node: string }) {
    super(
      `The ${details.kind} step ${details.step} of node ${details.node} was in progress when its conductor stopped, ` +
        'and the step is not repeatable, so it cannot be resumed safely. Check the hardware, then start the operation again.',
    );
    this.name = 'StepInterruptedError';
  }
}
