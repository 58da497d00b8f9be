/**
 * An in-memory map of byte blobs with a total size budget: storing past the budget evicts the
 * oldest entries first (a Map iterates in insertion order). Keeps a long-running sandbox from
 * growing without bound when it is fed media for hours.
 */
export class BlobStore {
  private readonly blobs = new Map<string, Buffer>();
  private bytes = 0;

  constructor(readonly maxBytes: number) {}

  get totalBytes(): number {
    return this.bytes;
  }

  get size(): number {
    return this.blobs.size;
  }

  /** Stores `blob` under `key` (replacing any previous one); false if it alone exceeds the budget. */
  set(key: string, blob: Buffer): boolean {
    this.delete(key);
    if (blob.length > this.maxBytes) {
      return false;
    }
    this.blobs.set(key, blob);
    this.bytes += blob.length;
    for (const [oldest, evicted] of this.blobs) {
      if (this.bytes <= this.maxBytes) {
        break;
      }
      this.blobs.delete(oldest);
      this.bytes -= evicted.length;
    }
    return true;
  }

  get(key: string): Buffer | undefined {
    return this.blobs.get(key);
  }

  delete(key: string): void {
    const existing = this.blobs.get(key);
    if (existing) {
      this.blobs.delete(key);
      this.bytes -= existing.length;
    }
  }

  clear(): void {
    this.blobs.clear();
    this.bytes = 0;
  }
}
