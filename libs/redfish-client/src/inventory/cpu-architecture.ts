/**
 * Ironic's CPU architecture names (`properties.cpu_arch`) for Redfish processor data. The
 * InstructionSet is precise (x86 vs x86-64); ProcessorArchitecture is the fallback for older BMCs,
 * mapped the way Ironic's older inspection did (an x86 family processor is taken as 64-bit).
 */
const BY_INSTRUCTION_SET: Readonly<Record<string, string>> = {
  'x86-64': 'x86_64',
  x86: 'i686',
  'IA-64': 'ia64',
  'ARM-A64': 'aarch64',
  'ARM-A32': 'arm',
  MIPS64: 'mips64',
  MIPS32: 'mips',
  PowerISA: 'ppc64le',
};

const BY_PROCESSOR_ARCHITECTURE: Readonly<Record<string, string>> = {
  x86: 'x86_64',
  'IA-64': 'ia64',
  ARM: 'arm',
  MIPS: 'mips',
  Power: 'ppc64le',
};

/** The architecture for one processor, or undefined when neither property says (OEM, absent). */
export function cpuArchitecture(instructionSet: string | undefined, processorArchitecture: string | undefined): string | undefined {
  return (instructionSet && BY_INSTRUCTION_SET[instructionSet]) || (processorArchitecture && BY_PROCESSOR_ARCHITECTURE[processorArchitecture]) || undefined;
}
