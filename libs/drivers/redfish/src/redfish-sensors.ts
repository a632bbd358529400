import type { SensorData } from '@slipway/drivers-framework';
import type { ComputerSystem, Json } from '@slipway/redfish-client';

/**
 * Ironic's redfish sensor data: temperatures and fans from each chassis' Thermal resource, power
 * supplies from its Power resource, keyed by sensor name@chassis. Missing resources give nothing.
 */
export async function readSensors(system: ComputerSystem): Promise<SensorData> {
  const data: SensorData = { Temperature: {}, Fan: {}, Power: {} };
  for (const chassis of await system.chassis()) {
    const where = chassis.id ?? chassis.path;
    const thermal = (await chassis.thermal())?.json ?? {};
    for (const sensor of listAt(thermal, 'Temperatures')) {
      data['Temperature'][`${nameOf(sensor)}@${where}`] = { ...identity(sensor), reading_celsius: sensor['ReadingCelsius'] ?? null, physical_context: sensor['PhysicalContext'] ?? null };
    }
    for (const sensor of listAt(thermal, 'Fans')) {
      data['Fan'][`${nameOf(sensor)}@${where}`] = { ...identity(sensor), reading: sensor['Reading'] ?? null, reading_units: sensor['ReadingUnits'] ?? null };
    }
    const power = (await chassis.power())?.json ?? {};
    for (const supply of listAt(power, 'PowerSupplies')) {
      data['Power'][`${nameOf(supply)}@${where}`] = { ...identity(supply), power_capacity_watts: supply['PowerCapacityWatts'] ?? null, last_power_output_watts: supply['LastPowerOutputWatts'] ?? null };
    }
  }
  return data;
}

function listAt(json: Json, key: string): Json[] {
  const value = json[key];
  return Array.isArray(value) ? value.filter((item): item is Json => typeof item === 'object' && item !== null) : [];
}

function nameOf(sensor: Json): string {
  return String(sensor['Name'] ?? sensor['MemberId'] ?? 'unnamed');
}

function identity(sensor: Json): Record<string, unknown> {
  const status = (sensor['Status'] ?? {}) as Json;
  return { identity: sensor['MemberId'] ?? sensor['Name'] ?? null, state: status['State'] ?? null, health: status['Health'] ?? null };
}
