/**
 * Callback data, typed: every button's data is packed and unpacked by a codec
 * defined here or beside its feature with `defineCallback`. The data reads
 * `<prefix>:<version>:<field>:<field>…`; a codec refuses (undefined) what it
 * cannot parse, so a forged, truncated or outdated button is never acted on.
 * Callback data never says who may do what: the role is read from the
 * database for every press.
 *
 * Telegram allows 64 bytes. Each field has a maximum length, so a codec
 * knows its longest payload; a test checks every codec against the limit.
 */
export const CALLBACK_DATA_LIMIT = 64;

export type FieldSpec =
  | { type: "int"; max?: number }
  | { type: "token" }
  | { type: "enum"; values: readonly string[] }
  /** ASCII without ":" (unless last), up to `maxLength` characters; may be empty */
  | { type: "text"; maxLength: number };

type FieldValue<S extends FieldSpec> = S extends { type: "int" }
  ? number
  : S extends { type: "enum"; values: readonly (infer V)[] }
    ? V
    : string;

export type CallbackValues<F extends Record<string, FieldSpec>> = {
  [K in keyof F]: FieldValue<F[K]>;
};

/** a whole number from 0 to `max` */
export const int = (max = Number.MAX_SAFE_INTEGER) => ({ type: "int" as const, max });
/** a prompt token: 1–16 letters and digits */
export const token = () => ({ type: "token" as const });
export const oneOf = <const V extends readonly string[]>(...values: V) =>
  ({ type: "enum", values }) as const;
/** ASCII text without ":" (unless the last field), up to `maxLength` characters */
export const text = (maxLength: number) => ({ type: "text" as const, maxLength });

const TOKEN = /^[A-Za-z0-9]{1,16}$/;
const ASCII_TEXT = /^[\x20-\x7e]*$/;

function fieldMaxLength(spec: FieldSpec): number {
  switch (spec.type) {
    case "int":
      return String(spec.max ?? Number.MAX_SAFE_INTEGER).length;
    case "token":
      return 16;
    case "enum":
      return Math.max(...spec.values.map((value) => value.length));
    case "text":
      return spec.maxLength;
  }
}

export interface CallbackCodec<F extends Record<string, FieldSpec>> {
  readonly prefix: string;
  readonly version: number;
  /** the longest data this codec can produce, in bytes */
  readonly maxBytes: number;
  /** matches any data of this codec and version (for `composer.callbackQuery`) */
  readonly pattern: RegExp;
  pack(values: CallbackValues<F>): string;
  unpack(data: string | undefined): CallbackValues<F> | undefined;
}

const registry: CallbackCodec<Record<string, FieldSpec>>[] = [];

/** Every codec defined so far (the 64-byte test walks them). */
export const definedCallbacks = (): readonly CallbackCodec<Record<string, FieldSpec>>[] => registry;

export function defineCallback<const F extends Record<string, FieldSpec>>(
  prefix: string,
  fields: F,
  version = 1,
): CallbackCodec<F> {
  if (!/^[a-z][a-z0-9-]{0,11}$/.test(prefix)) throw new Error(`bad callback prefix "${prefix}"`);
  if (registry.some((codec) => codec.prefix === prefix && codec.version === version)) {
    throw new Error(`callback prefix "${prefix}" v${version} is defined twice`);
  }
  const names = Object.keys(fields) as (keyof F & string)[];
  const head = `${prefix}:${version}`;
  const maxBytes =
    head.length +
    names.reduce((sum, name) => sum + 1 + fieldMaxLength(fields[name] as FieldSpec), 0);
  const escaped = prefix.replace(/[-]/g, "\\-");

  const check = (spec: FieldSpec, raw: string, last: boolean): unknown => {
    switch (spec.type) {
      case "int": {
        if (!/^\d{1,16}$/.test(raw)) return undefined;
        const value = Number(raw);
        return Number.isSafeInteger(value) && value <= (spec.max ?? Number.MAX_SAFE_INTEGER)
          ? value
          : undefined;
      }
      case "token":
        return TOKEN.test(raw) ? raw : undefined;
      case "enum":
        return spec.values.includes(raw) ? raw : undefined;
      case "text":
        return raw.length <= spec.maxLength && ASCII_TEXT.test(raw) && (last || !raw.includes(":"))
          ? raw
          : undefined;
    }
  };

  const codec: CallbackCodec<F> = {
    prefix,
    version,
    maxBytes,
    pattern: new RegExp(`^${escaped}:${version}(:|$)`),
    pack(values) {
      const parts = names.map((name, index) => {
        const raw = String(values[name]);
        if (check(fields[name] as FieldSpec, raw, index === names.length - 1) === undefined) {
          throw new Error(`callback ${prefix}: field ${name} cannot hold "${raw}"`);
        }
        return raw;
      });
      const data = [head, ...parts].join(":");
      if (Buffer.byteLength(data) > CALLBACK_DATA_LIMIT) {
        throw new Error(`callback ${prefix}: "${data}" is over ${CALLBACK_DATA_LIMIT} bytes`);
      }
      return data;
    },
    unpack(data) {
      if (data === undefined || (!data.startsWith(`${head}:`) && data !== head)) return undefined;
      const rest = data === head ? [] : data.slice(head.length + 1).split(":");
      // The last field takes what remains (it may hold ":").
      const raw =
        rest.length > names.length
          ? [...rest.slice(0, names.length - 1), rest.slice(names.length - 1).join(":")]
          : rest;
      if (raw.length !== names.length) return undefined;
      const values: Record<string, unknown> = {};
      for (const [index, name] of names.entries()) {
        const value = check(
          fields[name] as FieldSpec,
          raw[index] ?? "",
          index === names.length - 1,
        );
        if (value === undefined) return undefined;
        values[name] = value;
      }
      return values as CallbackValues<F>;
    },
  };
  registry.push(codec as unknown as CallbackCodec<Record<string, FieldSpec>>);
  return codec;
}
