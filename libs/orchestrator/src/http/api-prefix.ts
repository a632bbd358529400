/** Where the orchestrator's API lives, as Drydock's (`GET /versions` lists it). */
export const API_PREFIX = '/api/v1.0';
