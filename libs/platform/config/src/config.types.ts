import type { Setting, SettingValue } from './setting';

type Nest<Path extends string, V> = Path extends `${infer Head}.${infer Rest}` ? { [K in Head]: Nest<Rest, V> } : { [K in Path]: V };

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;

type DeepReadonly<T> = T extends readonly (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

type NestedEntry<S> = S extends Setting<infer K, unknown> ? Nest<K, SettingValue<S>> : never;

/**
 * The config object of a list of settings: nested by dotted key, e.g. `config.api.port: number`;
 * settings without default may be undefined. Frozen at runtime, readonly here.
 */
export type ConfigOf<L extends readonly Setting[]> = DeepReadonly<UnionToIntersection<NestedEntry<L[number]>>>;
