import { Ajv, type ValidateFunction } from "ajv";

let shared: Ajv | null = null;

// The one ajv instance; created on first use so commands that never validate never load it.
export function getAjv(): Ajv {
  shared ??= new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  return shared;
}

const cache = new WeakMap<object, ValidateFunction>();

// Compiles a schema once per process (keyed by the object itself).
export function compileSchema(schema: object): ValidateFunction {
  let fn = cache.get(schema);
  if (fn === undefined) {
    fn = getAjv().compile(schema);
    cache.set(schema, fn);
  }
  return fn;
}
