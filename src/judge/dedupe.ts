/**
 * Names are unique in a resource directory, compared ignoring case. The first
 * valid row with a name claims it; later rows with that name are duplicates.
 */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

/** The names claimed so far, by their folded form, and the row that claimed each. */
export class NameClaims {
  private readonly claimedBy = new Map<string, number>();

  /** Claims `name` for `row`; returns the row that claimed it first, if another did. */
  claim(name: string, row: number): number | undefined {
    const key = nameKey(name);
    const earlier = this.claimedBy.get(key);
    if (earlier === undefined) this.claimedBy.set(key, row);
    return earlier;
  }
}
