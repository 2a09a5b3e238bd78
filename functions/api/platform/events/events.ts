import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Config } from '../../config';
import { clientSettings, type StaticCredentials } from '../aws/client-settings';

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

export function createEventBridgePublisher(
  config: Config,
  capture: <T>(client: T) => T = (c) => c,
  credentials?: StaticCredentials,
): EventPublisher {
  const client = capture(new EventBridgeClient(clientSettings(config, config.events.endpoint, credentials)));
  const busName = config.events.busName!;
  return {
    async publish(events) {
      const accepted: string[] = [];
      // PutEvents takes at most 10 entries per call.
      for (let i = 0; i < events.length; i += 10) {
        const batch = events.slice(i, i + 10);
        const out = await client.send(
          new PutEventsCommand({
            Entries: batch.map((e) => ({
              EventBusName: busName,
              Source: EVENT_SOURCE,
              DetailType: e.type,
              Time: e.createdAt,
              Detail: JSON.stringify({ eventId: e.id, ...(e.payload as object) }),
            })),
          }),
        );
        out.Entries?.forEach((entry, idx) => {
          const event = batch[idx];
          if (event && entry.EventId && !entry.ErrorCode) accepted.push(event.id);
        });
      }
      return accepted;
    },
  };
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
