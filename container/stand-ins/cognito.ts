// First: silences aws-sdk v2's end-of-support NOTE before cognito-local loads it.
import './quiet-aws-sdk-v2';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DefaultConfig } from 'cognito-local/lib/server/config';
import { Router } from 'cognito-local/lib/server/Router';
import { createServer } from 'cognito-local/lib/server/server';
import { DateClock, LambdaService, MessagesService, TriggersService } from 'cognito-local/lib/services';
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService';
import { CryptoService } from 'cognito-local/lib/services/crypto';
import { MessageDeliveryService } from 'cognito-local/lib/services/messageDelivery/messageDelivery';
import { otp } from 'cognito-local/lib/services/otp';
import { JwtTokenGenerator } from 'cognito-local/lib/services/tokenGenerator';
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService';
import pino from 'pino';
import { CodeLog, ResendConfirmationCode } from './cognito-messages';
import { CoalescingDataStoreFactory } from './cognito-store';

export interface CognitoStandIn {
  endpoint: string;
  userPoolId: string;
  clientId: string;
  /** The last code (confirmation or password reset) sent to an e-mail address; also printed. */
  lastCode(email: string): string | undefined;
  /** Stops accepting connections (the data stays, so it can be started again). */
  stop(): Promise<void>;
}

/**
 * cognito-local, in-process, on 127.0.0.1 with its data under `dataDir`. Unlike its CLI, the port
 * may be 0 and the token issuer matches the real port. A pool and an app client are created on
 * first start and reused after.
 */
export async function startCognito(options: {
  dataDir: string;
  port?: number;
  /** Where codes are printed (the README points here). @default console.log */
  print?: (line: string) => void;
}): Promise<CognitoStandIn> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.join(dataDir, 'db'), { recursive: true });
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;

  const logger = pino({ level: 'silent' });
  const ctx = { logger };
  const config = { ...DefaultConfig, TokenConfig: { IssuerDomain: endpoint } };
  const clock = new DateClock();
  // Overlapping writes of the user store share one file write (cognito-store.ts).
  const dataStoreFactory = new CoalescingDataStoreFactory(path.join(dataDir, 'db'));
  const cognito = await new CognitoServiceFactoryImpl(
    path.join(dataDir, 'db'),
    dataStoreFactory,
    new UserPoolServiceFactoryImpl(clock, dataStoreFactory),
  ).create(ctx, config.UserPoolDefaults);
  // No triggers are configured, so the Lambda client is never called.
  const triggers = new TriggersService(
    clock,
    cognito,
    new LambdaService({}, {} as never),
    new CryptoService(config.KMSConfig),
  );
  const codes = new CodeLog(options.print ?? ((line) => console.log(line)));
  const services = {
    clock,
    cognito,
    config,
    messages: new MessagesService(triggers, new MessageDeliveryService(codes)),
    otp,
    tokenGenerator: new JwtTokenGenerator(clock, triggers, config.TokenConfig),
    triggers,
  };
  const route = Router(services);
  const router = (target: string) =>
    target === 'ResendConfirmationCode' ? ResendConfirmationCode(services) : route(target);
  const app = createServer(router, logger, { ...config.ServerConfig, port }, services).application;
  server.on('request', app);

  const idsFile = path.join(dataDir, 'scalemap-ids.json');
  let ids: { userPoolId: string; clientId: string };
  try {
    ids = JSON.parse(readFileSync(idsFile, 'utf8'));
  } catch {
    const client = new CognitoIdentityProviderClient({
      endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const pool = await client.send(
      new CreateUserPoolCommand({ PoolName: 'scalemap-local', UsernameAttributes: ['email'] }),
    );
    const appClient = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool.UserPool!.Id!,
        ClientName: 'scalemap-web',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    client.destroy();
    ids = { userPoolId: pool.UserPool!.Id!, clientId: appClient.UserPoolClient!.ClientId! };
    writeFileSync(idsFile, JSON.stringify(ids));
  }

  return {
    endpoint,
    ...ids,
    lastCode: (email) => codes.lastCode(email),
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
