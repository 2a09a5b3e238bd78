import { createRequire } from 'node:module';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { APIGatewayRequestAuthorizerEventV2, Context } from 'aws-lambda';
import { loadEdgeAuthorizerConfig } from '../../functions/edge/config';
import { createOriginAuthorizer } from '../../functions/edge/origin-authorizer';
import { bundleOriginAuthorizer, OriginAuthorizer } from '../../stacks/constructs/origin-authorizer';
import { OriginVerify } from '../../stacks/constructs/origin-verify';

const secret = 'a'.repeat(48);
const event = (headers: Record<string, string>) =>
  ({ headers }) as unknown as APIGatewayRequestAuthorizerEventV2;
const context = {} as Context;

describe('origin authorizer (functions/edge)', () => {
  it('when the header carries the secret, then the request is authorized; otherwise not', async () => {
    const authorize = createOriginAuthorizer({ headerName: 'x-origin-verify' }, async () => secret);
    const call = (headers: Record<string, string>) => authorize(event(headers), context, () => {});
    await expect(call({ 'x-origin-verify': secret })).resolves.toEqual({ isAuthorized: true });
    await expect(call({ 'x-origin-verify': 'b'.repeat(48) })).resolves.toEqual({ isAuthorized: false });
    await expect(call({ 'x-origin-verify': secret.slice(1) })).resolves.toEqual({ isAuthorized: false });
    await expect(call({})).resolves.toEqual({ isAuthorized: false });
  });

  it('when a header name is configured, then only that header counts', async () => {
    const authorize = createOriginAuthorizer({ headerName: 'X-Edge-Secret' }, async () => secret);
    const call = (headers: Record<string, string>) => authorize(event(headers), context, () => {});
    await expect(call({ 'x-edge-secret': secret })).resolves.toEqual({ isAuthorized: true });
    await expect(call({ 'x-origin-verify': secret })).resolves.toEqual({ isAuthorized: false });
  });

  it('when invoked repeatedly, then the secret is read once; a failed read is retried next time', async () => {
    const reads = jest.fn<Promise<string>, []>().mockRejectedValueOnce(new Error('throttled'));
    reads.mockResolvedValue(secret);
    const authorize = createOriginAuthorizer({ headerName: 'x-origin-verify' }, reads);
    const call = () => authorize(event({ 'x-origin-verify': secret }), context, () => {});
    await expect(call()).rejects.toThrow('throttled');
    await expect(call()).resolves.toEqual({ isAuthorized: true });
    await expect(call()).resolves.toEqual({ isAuthorized: true });
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('when its environment lacks a setting, then loading the config names it', () => {
    expect(() => loadEdgeAuthorizerConfig({ ORIGIN_SECRET_ARN: 'arn' })).toThrow(/ORIGIN_HEADER_NAME/);
    expect(loadEdgeAuthorizerConfig({ ORIGIN_HEADER_NAME: 'X-A', ORIGIN_SECRET_ARN: 'arn' })).toEqual({
      headerName: 'x-a',
      secretArn: 'arn',
    });
  });
});

describe('origin authorizer (the bundle the stack ships)', () => {
  /** Runs the inline code as Lambda would, with a stand-in Secrets Manager client. */
  function loadBundle(env: Record<string, string>) {
    const nodeRequire = createRequire(__filename);
    const sdk = {
      SecretsManagerClient: class {
        send = async (cmd: { input: { SecretId: string } }) => ({
          SecretString: `${cmd.input.SecretId}-value`,
        });
      },
      GetSecretValueCommand: class {
        constructor(readonly input: { SecretId: string }) {}
      },
    };
    const mod = { exports: {} as { handler: (e: unknown) => Promise<{ isAuthorized: boolean }> } };
    const fakeRequire = (id: string) => (id === '@aws-sdk/client-secrets-manager' ? sdk : nodeRequire(id));
    new Function('module', 'exports', 'require', 'process', bundleOriginAuthorizer())(
      mod,
      mod.exports,
      fakeRequire,
      { env },
    );
    return mod.exports.handler;
  }

  it('when deployed with a custom header name, then the shipped code checks that header', async () => {
    const handler = loadBundle({ ORIGIN_HEADER_NAME: 'x-edge-secret', ORIGIN_SECRET_ARN: 'arn:s' });
    await expect(handler(event({ 'x-edge-secret': 'arn:s-value' }))).resolves.toEqual({ isAuthorized: true });
    await expect(handler(event({ 'x-origin-verify': 'arn:s-value' }))).resolves.toEqual({
      isAuthorized: false,
    });
  });

  it('when synthesized with a custom header name, then identity source and function env use it', () => {
    const stack = new Stack(new App(), 'S');
    const originVerify = new OriginVerify(stack, 'OriginVerify', { headerName: 'X-Edge-Secret' });
    const { authorizer } = new OriginAuthorizer(stack, 'Authorizer', { originVerify });
    // An authorizer is rendered once a route uses it.
    new HttpApi(stack, 'Api', {
      defaultAuthorizer: authorizer,
      defaultIntegration: new HttpUrlIntegration('Origin', 'https://origin.example.com'),
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: { ORIGIN_HEADER_NAME: 'x-edge-secret', ORIGIN_SECRET_ARN: Match.anyValue() },
      },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      IdentitySource: ['$request.header.x-edge-secret'],
    });
  });
});
