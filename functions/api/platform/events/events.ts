/**
 * Outbox events and where they go. The EventBridge client (eventbridge.ts) loads on the first
 * publish, not at init: only submit and the relay publish.
 */
import type { Config } from '../../config';
import { deferred } from '../../runtime/deferred';
import type { StaticCredentials } from '../aws/client-settings';

/** One event taken from the outbox; `id` is the outbox row id, for consumers to de-duplicate. */
export interface OutboxEvent {
  id: string;
  type: string;
  payload: unknown;
  createdAt: Date;
}

/** Where outbox events go: EventBridge in the cloud, an in-process bus locally. */
export interface EventPublisher {
  /** Publishes the events; returns the ids that were accepted. */
  publish(events: OutboxEvent[]): Promise<string[]>;
}

export const EVENT_SOURCE = 'scalemap.api';

/** EventBridge; its client is captured by `capture` (X-Ray) once it exists. */
export function createEventBridgePublisher(
  config: Config,
  capture: <T>(client: T) => T = (c) => c,
  credentials?: StaticCredentials,
): EventPublisher {
  return deferred(['publish'], async () =>
    (await import('./eventbridge')).createEventBridge(config, capture, credentials),
  );
}

/** Local and test bus: keeps what it receives and hands it to a listener (which logs it). */
export function createInProcessPublisher(onEvent: (event: OutboxEvent) => void = () => {}): EventPublisher & {
  published: OutboxEvent[];
} {
  const published: OutboxEvent[] = [];
  return {
    published,
    async publish(events) {
      for (const e of events) {
        published.push(e);
        onEvent(e);
      }
      return events.map((e) => e.id);
    },
  };
}
