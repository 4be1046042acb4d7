/**
 * Names are unique in a resource directory, compared ignoring case. The first
 * valid row with a name claims it; later rows with that name are duplicates.
 */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

const FIRST_ENTRIES = 1024;

/**
 * The names claimed so far, as a hash table in typed arrays: each folded name's
 * characters, hash and row, and nothing on the JavaScript heap per name.
 *
 * Why not a `Map<string, number>`: a million-row sheet claims about a million
 * names, and a Map holds a folded copy of each as a string, which the garbage
 * collector copies and walks over and over while the rows stream. On the bench's
 * million names the Map took 0.47 s and this table 0.15 s (about 35 bytes a name).
 */
export class NameClaims {
  /**
   * Open addressing, linear probing, at most half full. A slot is two numbers:
   * an entry's index + 1 (0 for an empty slot) and its name's hash, side by
   * side, so that passing over a slot that is not the name costs one memory read.
   */
  private slots = new Int32Array(FIRST_ENTRIES * 4);
  /** Where each entry's folded name starts in `chars`; it ends where the next one starts (entries are written in order). */
  private starts = new Uint32Array(FIRST_ENTRIES);
  /** The row that claimed each name (row numbers are below 2³²: no sheet has four billion rows). */
  private rows = new Uint32Array(FIRST_ENTRIES);
  private chars = new Uint16Array(FIRST_ENTRIES * 8);
  /** Characters of `chars` in use. */
  private used = 0;
  private count = 0;

  /** Claims `name` for `row`; returns the row that claimed it first, if another did. */
  claim(name: string, row: number): number | undefined {
    // The folded name is written after the last one: kept if the name is new, overwritten next time if not.
    const at = this.used;
    let hash = this.write(name, at, true);
    let length = name.length;
    if (hash === undefined) {
      // A letter whose lower case only toLowerCase knows (Ä, Σ, İ…), which may even change the length.
      const key = nameKey(name);
      hash = this.write(key, at, false)!;
      length = key.length;
    }
    const earlier = this.find(at, length, hash);
    if (earlier !== undefined) return this.rows[earlier];
    this.add(at, length, hash, row);
    return undefined;
  }

  /** The entry whose name is the `length` characters at `at`, if there is one. */
  private find(at: number, length: number, hash: number): number | undefined {
    const { slots, chars } = this;
    const mask = slots.length - 1;
    for (let slot = (hash << 1) & mask; slots[slot] !== 0; slot = (slot + 2) & mask) {
      if (slots[slot + 1] !== hash) continue;
      const entry = slots[slot]! - 1;
      const start = this.starts[entry]!;
      if (this.end(entry) - start !== length) continue;
      let same = true;
      for (let i = 0; i < length && same; i++) same = chars[start + i] === chars[at + i];
      if (same) return entry;
    }
    return undefined;
  }

  private end(entry: number): number {
    return entry + 1 < this.count ? this.starts[entry + 1]! : this.used;
  }

  private add(at: number, length: number, hash: number, row: number): void {
    if (this.count === this.rows.length) {
      this.starts = grown(this.starts, this.count * 2);
      this.rows = grown(this.rows, this.count * 2);
    }
    const entry = this.count++;
    this.starts[entry] = at;
    this.rows[entry] = row;
    this.used = at + length;
    if (this.count * 4 > this.slots.length) this.growSlots();
    place(this.slots, entry, hash);
  }

  /** Twice the slots, to stay at most half full; every entry is placed again by its hash. */
  private growSlots(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let slot = 0; slot < old.length; slot += 2) if (old[slot] !== 0) place(this.slots, old[slot]! - 1, old[slot + 1]!);
  }

  /**
   * Writes `text` at `at` and returns its hash. With `fold`, lower-cased by
   * ASCII's case rule: letters A–Z, and characters without case (digits,
   * Chinese characters); undefined for any other character.
   */
  private write(text: string, at: number, fold: boolean): number | undefined {
    this.reserve(at + text.length);
    const chars = this.chars;
    let hash = FNV_OFFSET;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (fold) {
        if (code >= 0x41 && code <= 0x5a) code += 0x20;
        else if (code >= 0x80 && !(code >= 0x3400 && code <= 0x9fff)) return undefined; // CJK ideographs have no case
      }
      chars[at + i] = code;
      hash = Math.imul(hash ^ code, FNV_PRIME);
    }
    return mix(hash);
  }

  private reserve(chars: number): void {
    if (chars > this.chars.length) this.chars = grown(this.chars, Math.max(chars, this.chars.length * 2));
  }
}

// FNV-1a over UTF-16 code units, then MurmurHash3's finaliser, so that the low bits (the slot) depend on every character.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function place(slots: Int32Array, entry: number, hash: number): void {
  const mask = slots.length - 1;
  let slot = (hash << 1) & mask;
  while (slots[slot] !== 0) slot = (slot + 2) & mask;
  slots[slot] = entry + 1;
  slots[slot + 1] = hash;
}

function mix(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

function grown<T extends Uint16Array | Uint32Array | Int32Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}
