import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Config } from '../../config';
import { clientSettings, type StaticCredentials } from '../aws/client-settings';
import { EVENT_SOURCE, type EventPublisher } from './events';

/** The EventBridge publisher, loaded by events.ts on first use. */
export function createEventBridge(
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
