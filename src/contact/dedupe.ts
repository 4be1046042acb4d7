/**
 * Names are unique in a resource directory, compared ignoring case. The first
 * valid row with a name claims it; later rows with that name are duplicates.
 * Only the folded name and a row number are kept per contact, so memory stays small.
 */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

export class NameClaims {
  private readonly claims = new Map<string, number>();

  /** Claims `name` for `row`; returns the row that claimed it first, if another did. */
  claim(name: string, row: number): number | undefined {
    const key = nameKey(name);
    const earlier = this.claims.get(key);
    if (earlier !== undefined) return earlier;
    this.claims.set(key, row);
    return undefined;
  }
}
