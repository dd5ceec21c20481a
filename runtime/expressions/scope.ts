/** What an expression can see of its call: variables, the clock and the call's time zone. */
export interface ExpressionScope {
  get(name: string): unknown;
  has(name: string): boolean;
  /** The current instant in epoch milliseconds (the runtime's clock, virtual in tests). */
  nowMs(): number;
  /** IANA time zone of the call (the Timezone variable). */
  timeZone(): string;
}
