import { statusField } from '../common-fields';
import { num, str } from '../fields';
import { Resource, withFields } from '../resource';

/** A Processor (CPU, GPU, FPGA, …) of a system. */
export class Processor extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  processorType: str('ProcessorType'),
  /** `x86`, `IA-64`, `ARM`, `MIPS`, `Power`, `OEM`. */
  processorArchitecture: str('ProcessorArchitecture'),
  /** `x86`, `x86-64`, `IA-64`, `ARM-A32`, `ARM-A64`, `MIPS32`, `MIPS64`, `PowerISA`, `OEM`. */
  instructionSet: str('InstructionSet'),
  manufacturer: str('Manufacturer'),
  model: str('Model'),
  maxSpeedMHz: num('MaxSpeedMHz'),
  totalCores: num('TotalCores'),
  totalThreads: num('TotalThreads'),
  status: statusField(),
}) {}
