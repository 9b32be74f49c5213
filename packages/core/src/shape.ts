/**
 * Builds objects V8 stores with fast properties. An object whose keys are set one by one past a
 * dozen or so (`out[key] = value`) becomes a hash map, slow to copy and to read; a spread copy of a
 * template has fast properties, and setting keys it already has keeps them. Frontmatters repeat
 * their key order from note to note, so one template (the last key order seen) serves most calls.
 * Each caller keeps its own `Shape`: two callers with different key sets would rebuild one in turn.
 */
export class Shape {
  /** The keys of `base` (the template), in order (copies from the caller, never changed in place). */
  keys: string[] = [];
  private base: Record<string, unknown> = {};

  /**
   * An object with `keys[j]` set to `values[j]` for `j < n`, in that order. Undefined when a key
   * repeats or is one a fresh object already has (`__proto__`, `constructor`, `toString`…): such a
   * key needs the caller's own handling. Keys taken from `this.keys` compare by reference.
   */
  make(keys: readonly string[], values: readonly unknown[], n = keys.length): Record<string, unknown> | undefined {
    let j = 0;
    while (j < n && keys[j] === this.keys[j]) j++;
    if (j < n || n !== this.keys.length) {
      const out: Record<string, unknown> = {};
      for (j = 0; j < n; j++) {
        if (out[keys[j]!] !== undefined) return undefined;
        out[keys[j]!] = null;
      }
      this.base = { ...out };
      this.keys = keys.slice(0, n);
    }
    const out = { ...this.base };
    for (j = 0; j < n; j++) out[keys[j]!] = values[j];
    return out;
  }
}
