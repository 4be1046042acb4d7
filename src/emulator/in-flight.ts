/**
 * The service takes one message-contact call at a time per account: a call that
 * arrives while another is in flight is refused (429 ConcurrentCallNotSupported).
 * The gate counts the calls in flight and the most it saw at once, which tests
 * read to prove the client never overlaps its calls.
 */
export class InFlightGate {
  private current = 0;
  private most = 0;

  get inFlight(): number {
    return this.current;
  }

  get maxInFlight(): number {
    return this.most;
  }

  /** A call goes in; true when another was already in flight (it overlapped). */
  enter(): boolean {
    const overlapped = this.current > 0;
    this.most = Math.max(this.most, ++this.current);
    return overlapped;
  }

  leave(): void {
    this.current--;
  }

  forgetMax(): void {
    this.most = 0;
  }
}
