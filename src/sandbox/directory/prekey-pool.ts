const RECORD = 4 + 32;

/**
 * One-time prekeys a linked device uploaded, packed as 36-byte records (id + public key) and
 * handed out in order. Packing keeps ~812 keys per device at ~29 KB instead of ~812 objects,
 * which matters with hundreds of connected devices in one process.
 */
export class PrekeyPool {
  private records: Buffer = Buffer.alloc(0);
  private cursor = 0;

  get available(): number {
    return this.records.length / RECORD - this.cursor;
  }

  add(keys: Array<{ keyId: number; publicKey: Uint8Array }>): void {
    const chunk = Buffer.alloc(keys.length * RECORD);
    keys.forEach((key, index) => {
      if (key.publicKey.byteLength !== 32) {
        throw new Error(`prekey ${key.keyId}: public key must be 32 bytes`);
      }
      chunk.writeUInt32BE(key.keyId, index * RECORD);
      chunk.set(key.publicKey, index * RECORD + 4);
    });
    // Drop consumed records while appending so the buffer does not grow without bound.
    this.records = Buffer.concat([this.records.subarray(this.cursor * RECORD), chunk]);
    this.cursor = 0;
  }

  /** The keys not handed out yet, packed (for the sandbox's state file). */
  exportRecords(): Buffer {
    return Buffer.from(this.records.subarray(this.cursor * RECORD));
  }

  importRecords(records: Uint8Array): void {
    this.records = Buffer.from(records);
    this.cursor = 0;
  }

  take(): { keyId: number; publicKey: Uint8Array } | undefined {
    if (this.available <= 0) {
      return undefined;
    }
    const offset = this.cursor++ * RECORD;
    return {
      keyId: this.records.readUInt32BE(offset),
      publicKey: Buffer.from(this.records.subarray(offset + 4, offset + RECORD)),
    };
  }
}
