import type { en } from "./en";

/** The shape every catalog must have: the English catalog with its literal strings widened to `string`. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;

type Join<P extends string, K extends string> = P extends "" ? K : `${P}.${K}`;

/** Every dotted path to a string leaf: "nav.devices", "auth.login.title"… */
export type MessageKey<T = typeof en, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? Join<P, K> : MessageKey<T[K], Join<P, K>>;
}[keyof T & string];

type Lookup<T, K extends string> = K extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? Lookup<T[Head], Rest>
    : never
  : K extends keyof T
    ? T[K]
    : never;

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** `{name}` placeholders in the English string are required parameters. */
export type MessageParams<K extends MessageKey> = Record<Placeholders<Lookup<typeof en, K>>, string | number>;

export type TranslateArgs<K extends MessageKey> = [Placeholders<Lookup<typeof en, K>>] extends [never] ? [] : [params: MessageParams<K>];

export type Translate = <K extends MessageKey>(key: K, ...args: TranslateArgs<K>) => string;

/** Keys whose message takes no parameters (safe to pass around as data, e.g. navigation labels). */
export type PlainMessageKey = { [K in MessageKey]: TranslateArgs<K> extends [] ? K : never }[MessageKey];

/** A message with plural forms: `key.one` and `key.other` both exist ("1 message shown" / "2 messages shown"). */
export type PluralMessageKey = {
  [K in MessageKey]: K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never;
}[MessageKey];
