// IPv4 address → entry number, as an open-addressing hash table over typed arrays. Sign-in logs
// are mostly IPv4; hashing the 32-bit value instead of the text skips string hashing and
// comparison, which dominated the per-row cost on rows read from a CSV (every cell a new string).

export class V4Index {
  #bits = 10;
  #keys = new Uint32Array(1 << 10);
  /** Entry number + 1; 0 marks an empty slot. */
  #values = new Int32Array(1 << 10);
  #size = 0;

  #slot(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> (32 - this.#bits);
  }

  /** The entry number for an address (as an unsigned 32-bit number), or -1. */
  get(key: number): number {
    const mask = this.#keys.length - 1;
    for (let s = this.#slot(key); ; s = (s + 1) & mask) {
      const v = this.#values[s]!;
      if (v === 0) return -1;
      if (this.#keys[s] === key) return v - 1;
    }
  }

  /** Adds an address that get() does not know. */
  set(key: number, value: number): void {
    if ((this.#size + 1) * 2 > this.#keys.length) this.#grow();
    const mask = this.#keys.length - 1;
    let s = this.#slot(key);
    while (this.#values[s] !== 0) s = (s + 1) & mask;
    this.#keys[s] = key;
    this.#values[s] = value + 1;
    this.#size++;
  }

  #grow(): void {
    const keys = this.#keys;
    const values = this.#values;
    this.#bits++;
    this.#keys = new Uint32Array(1 << this.#bits);
    this.#values = new Int32Array(1 << this.#bits);
    this.#size = 0;
    for (let s = 0; s < keys.length; s++) {
      if (values[s] !== 0) this.set(keys[s]!, values[s]! - 1);
    }
  }
}
