import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { helmetOptions } from '../../functions/api/contract/security-headers';
import { Frontend } from '../../stacks/constructs/frontend';
import { fakeClientBuild, resourcesOf } from './synth';

const storageOrigin = 'https://documents.s3.eu-west-1.amazonaws.com';

/** The headers helmet sets in the app, as the cloud runs it (HTTPS, upgrade-insecure-requests on). */
function helmetHeaders(): Record<string, string> {
  const set: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string) => {
      set[name.toLowerCase()] = String(value);
    },
    removeHeader: () => {},
  } as unknown as Response;
  helmet(helmetOptions({ storageOrigin, upgradeInsecureRequests: true }))(
    {} as Request,
    res,
    (() => {}) as NextFunction,
  );
  return set;
}

type Policy = {
  SecurityHeadersConfig: {
    StrictTransportSecurity: { AccessControlMaxAgeSec: number; IncludeSubdomains: boolean; Preload: boolean };
    ContentTypeOptions: object;
    FrameOptions: { FrameOption: string };
    ReferrerPolicy: { ReferrerPolicy: string };
    XSSProtection: { Protection: boolean };
    ContentSecurityPolicy: { ContentSecurityPolicy: string };
  };
  CustomHeadersConfig: { Items: { Header: string; Value: string }[] };
};

/** The headers CloudFront's response headers policy sets, as a browser would receive them. */
function cloudFrontHeaders(): Record<string, string> {
  const stack = new Stack(new App(), 'S');
  new Frontend(stack, 'Frontend', {
    clientAssetPath: fakeClientBuild(),
    apiOrigin: new HttpOrigin('api.example.com'),
    logsBucket: Bucket.fromBucketName(stack, 'Logs', 'logs-bucket'),
    storageOrigin,
    webAclArn: 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/edge/00000000',
  });
  const [policy] = Object.values(
    resourcesOf(Template.fromStack(stack), 'AWS::CloudFront::ResponseHeadersPolicy'),
  );
  const config = policy!.Properties.ResponseHeadersPolicyConfig as Policy;
  const sec = config.SecurityHeadersConfig;
  const hsts = sec.StrictTransportSecurity;
  return {
    'strict-transport-security': [
      `max-age=${hsts.AccessControlMaxAgeSec}`,
      ...(hsts.IncludeSubdomains ? ['includeSubDomains'] : []),
      ...(hsts.Preload ? ['preload'] : []),
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': sec.FrameOptions.FrameOption,
    'referrer-policy': sec.ReferrerPolicy.ReferrerPolicy,
    'x-xss-protection': sec.XSSProtection.Protection ? '1' : '0',
    'content-security-policy': sec.ContentSecurityPolicy.ContentSecurityPolicy,
    ...Object.fromEntries(config.CustomHeadersConfig.Items.map((h) => [h.Header.toLowerCase(), h.Value])),
  };
}

describe('security headers: one definition for helmet and CloudFront', () => {
  it('when the app and the edge answer, then they send the same security headers with the same values', () => {
    const app = helmetHeaders();
    expect(Object.keys(app).length).toBeGreaterThanOrEqual(12);
    expect(cloudFrontHeaders()).toEqual(app);
  });

  it('when the policy is read, then it is strict: no inline styles, no blob:, uploads only to the bucket', () => {
    const csp = helmetHeaders()['content-security-policy']!;
    expect(csp).toContain(`connect-src 'self' ${storageOrigin}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('upgrade-insecure-requests');
    expect(csp).not.toMatch(/unsafe-inline|blob:|\*\.amazonaws\.com/);
    expect(helmetHeaders()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains; preload');
  });
});
