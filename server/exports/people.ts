/**
 * Pseudonyms for exports: every author/voter/reactor id becomes p1, p2, … in order of first
 * appearance. An export can then say "the same person" (the report counts people) without
 * carrying the device-local ids that tie a person's writing to their browser.
 */
export class People {
  private readonly ids = new Map<string, string>();

  of(id: string): string;
  of(id: string | null): string | null;
  of(id: string | null): string | null {
    if (id === null) return null;
    let p = this.ids.get(id);
    if (!p) {
      p = `p${this.ids.size + 1}`;
      this.ids.set(id, p);
    }
    return p;
  }
}
