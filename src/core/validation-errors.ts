/**
 * Collects every problem with a set of props before reporting, so a user fixes
 * them in one pass instead of one synth per typo.
 */
export class ValidationErrors {
  private readonly messages: string[] = [];

  /** Record a problem with a property: `prop: message`. */
  public add(prop: string, message: string): void {
    this.messages.push(`${prop}: ${message}`);
  }

  public get count(): number {
    return this.messages.length;
  }

  public get all(): readonly string[] {
    return this.messages;
  }

  /** Throws one Error that lists every collected problem, naming where they were found. */
  public throwIfAny(where: string): void {
    if (this.messages.length === 0) return;
    const noun = this.messages.length === 1 ? 'problem' : 'problems';
    throw new Error(
      `${where}: invalid props (${this.messages.length} ${noun}):\n${this.messages.map((m) => `  - ${m}`).join('\n')}`,
    );
  }
}
