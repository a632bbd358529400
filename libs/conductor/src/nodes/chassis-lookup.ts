/** The id of the chassis a node names by uuid (ChassisNotFound when there is none). */
export interface ChassisLookup {
  idOf(uuid: string): Promise<number>;
}

export const CHASSIS_LOOKUP = Symbol('CHASSIS_LOOKUP');
