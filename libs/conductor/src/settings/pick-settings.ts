/** The settings named by `defaults` out of a config section that holds more (the conductor's). */
export function pickSettings<T extends object>(defaults: T, section: T): T {
  return Object.fromEntries(Object.keys(defaults).map((key) => [key, section[key as keyof T]])) as T;
}
