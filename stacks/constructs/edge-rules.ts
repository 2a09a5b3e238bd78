import type { aws_wafv2 as wafv2 } from 'aws-cdk-lib';

/** WAF rules for the web ACL in front of CloudFront, as plain data (priority order is the array's). */
type Rule = Omit<wafv2.CfnWebACL.RuleProperty, 'priority'>;
type Statement = wafv2.CfnWebACL.StatementProperty;

/** Names of the custom JSON bodies the blocking rules answer with (see `customResponseBodies`). */
export const responseBodies = {
  tooManyRequests: 'too-many-requests',
  payloadTooLarge: 'payload-too-large',
} as const;

/**
 * Problem details in the API's shape and words (no correlation id: WAF bodies are static). WAF allows
 * `application/json`, not `application/problem+json`.
 */
export function customResponseBodies(
  apiBodyLimitBytes: number,
): Record<string, wafv2.CfnWebACL.CustomResponseBodyProperty> {
  return {
    [responseBodies.tooManyRequests]: problem(
      429,
      'Too Many Requests',
      'Too many attempts. Wait a few minutes and try again.',
    ),
    [responseBodies.payloadTooLarge]: problem(
      413,
      'Payload Too Large',
      `The request body is larger than ${Math.floor(apiBodyLimitBytes / 1024)} kB.`,
    ),
  };
}

function problem(status: number, title: string, detail: string): wafv2.CfnWebACL.CustomResponseBodyProperty {
  return {
    contentType: 'APPLICATION_JSON',
    content: JSON.stringify({ type: 'about:blank', title, status, detail }),
  };
}

export function visibility(metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty {
  return { metricName, cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true };
}

const uriPath = { uriPath: {} };
const none = [{ priority: 0, type: 'NONE' }];

function path(positionalConstraint: 'STARTS_WITH' | 'EXACTLY', searchString: string): Statement {
  return {
    byteMatchStatement: {
      fieldToMatch: uriPath,
      positionalConstraint,
      searchString,
      textTransformations: none,
    },
  };
}

/**
 * A regex matching decimal integers greater than `limit` (leading zeros allowed), with no groups:
 * WAF regexes support no capturing subexpressions. 102400 gives `^0*[1-9]\d{6,}$|^0*[2-9]\d{5}$|…`.
 */
export function greaterThanPattern(limit: number): string {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`limit must be a positive integer, got ${limit}`);
  const digits = String(limit);
  const alternatives = [`[1-9]\\d{${digits.length},}`];
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]);
    if (d === 9) continue;
    const rest = digits.length - i - 1;
    alternatives.push(`${digits.slice(0, i)}[${d + 1}-9]${rest > 0 ? `\\d{${rest}}` : ''}`);
  }
  return alternatives.map((a) => `^0*${a}$`).join('|');
}

/** An AWS managed rule group, its own actions kept unless overridden to count. */
export function managedRuleGroup(name: string, countOnly: string[] = []): Rule {
  return {
    name: `AWS-${name}`,
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        ruleActionOverrides: countOnly.length
          ? countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } }))
          : undefined,
      },
    },
    overrideAction: { none: {} },
    visibilityConfig: visibility(`AWS-${name}`),
  };
}

/**
 * Per client IP, across all edge locations: `/api/auth/*` beyond `limit` requests in the window gets
 * 429. Logout and `me` do not count, so a client at the limit can still sign out.
 */
export function authRateRule(limit: number, windowSeconds: number): Rule {
  return {
    name: 'AuthRatePerIp',
    statement: {
      rateBasedStatement: {
        limit,
        evaluationWindowSec: windowSeconds,
        aggregateKeyType: 'IP',
        scopeDownStatement: {
          andStatement: {
            statements: [
              path('STARTS_WITH', '/api/auth/'),
              {
                notStatement: {
                  statement: {
                    orStatement: {
                      statements: [path('EXACTLY', '/api/auth/logout'), path('EXACTLY', '/api/auth/me')],
                    },
                  },
                },
              },
            ],
          },
        },
      },
    },
    action: {
      block: {
        customResponse: {
          responseCode: 429,
          customResponseBodyKey: responseBodies.tooManyRequests,
          responseHeaders: [{ name: 'retry-after', value: String(windowSeconds) }],
        },
      },
    },
    visibilityConfig: visibility('AuthRatePerIp'),
  };
}

/**
 * `/api/*` requests declaring a body above the API's JSON limit get 413 at the edge. WAF sees only the
 * first 16 KB of a body, so the rule reads `Content-Length`; a chunked body without one reaches the
 * app, whose parser stops at the same limit.
 */
export function apiBodySizeRule(limitBytes: number): Rule {
  return {
    name: 'ApiBodyTooLarge',
    statement: {
      andStatement: {
        statements: [
          path('STARTS_WITH', '/api/'),
          {
            regexMatchStatement: {
              fieldToMatch: { singleHeader: { Name: 'content-length' } },
              regexString: greaterThanPattern(limitBytes),
              textTransformations: none,
            },
          },
        ],
      },
    },
    action: {
      block: { customResponse: { responseCode: 413, customResponseBodyKey: responseBodies.payloadTooLarge } },
    },
    visibilityConfig: visibility('ApiBodyTooLarge'),
  };
}
