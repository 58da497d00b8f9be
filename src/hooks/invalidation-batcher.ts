import type { QueryClient } from "@tanstack/react-query";

/** Collects query-key prefixes for a short moment and invalidates each once: a burst of receipts costs one refetch. */
export class InvalidationBatcher {
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly queryClient: QueryClient,
    private readonly delayMs: number,
  ) {}

  add(keys: unknown[][]): void {
    for (const key of keys) this.pending.add(JSON.stringify(key));
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private flush(): void {
    this.timer = null;
    const batch = [...this.pending];
    this.pending.clear();
    for (const key of batch) void this.queryClient.invalidateQueries({ queryKey: JSON.parse(key) as unknown[] });
  }
}
