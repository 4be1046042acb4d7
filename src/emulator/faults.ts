/**
 * Deterministic trouble for rehearsals and tests: with `--fault-rate P` a call
 * fails with probability P, as one of the failures a real run meets. `--seed`
 * makes the sequence repeatable.
 */

export type FaultKind = 'throttle' | 'unavailable' | 'drop';

/** mulberry32: a tiny seeded PRNG, good enough to pick faults reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: FaultKind[] = ['throttle', 'unavailable', 'drop'];

export class FaultPlan {
  private readonly random: () => number;

  constructor(
    private readonly rate: number,
    seed: number,
  ) {
    this.random = seededRandom(seed);
  }

  /** The fault for the next call, if any: Throttling.User, 503, or the answer dropped after the write. */
  next(): FaultKind | undefined {
    if (this.rate <= 0) return undefined;
    if (this.random() >= this.rate) return undefined;
    return KINDS[Math.floor(this.random() * KINDS.length)];
  }
}

/**
 * A stopped server (the process frozen, the network path stalled): calls that
 * arrive while it is frozen wait unanswered, and when it thaws they all go on at
 * once, even those whose client gave up and closed the connection meanwhile, as
 * they do in a stopped process whose kernel kept accepting and buffering them.
 */
export class Freeze {
  private thawed: Promise<void> = Promise.resolve();
  private thaw: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  /** Frozen from now for `ms` (a freeze already running is extended or cut to that). */
  start(ms: number): void {
    if (!this.thaw) this.thawed = new Promise((resolve) => (this.thaw = resolve));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.end(), ms);
  }

  end(): void {
    clearTimeout(this.timer);
    this.thaw?.();
    this.thaw = undefined;
  }

  /** Resolves once the server is not frozen. */
  passed(): Promise<void> {
    return this.thawed;
  }
}
