/**
 * What a flow refers to outside itself, as the tenant has it now: the virtual queues (each
 * CALLBACK_SETTINGS row and each queue the contact center knows), business hours, rules and
 * applications. The runtime builds it from its stores and the editor fetches the same list, so
 * a typo in a queue name is reported in both places, before a call finds it.
 */
export interface TenantContext {
  /** Virtual queues a call can be routed to (simulator or contact-center queues). */
  routingQueues: readonly string[];
  /** Virtual queues with a CALLBACK_SETTINGS row (what Callback V2 books into). */
  callbackQueues: readonly string[];
  businessHours: readonly string[];
  rules: readonly string[];
  applications: readonly { id: string; type: 'Default' | 'Callback' }[];
}

export type ReferenceKind = 'virtualQueue' | 'businessHours';
