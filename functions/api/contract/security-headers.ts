/**
 * The security headers of every response, defined once. Helmet applies them in the app
 * (functions/api/app.ts) and CloudFront's response headers policy applies the same values at the
 * edge (stacks/constructs/frontend.ts), so a page is protected alike whether it comes from S3, the
 * API or `npm start`. Plain data and pure functions: no imports, so the stacks can use it too.
 */

/** One year (the preload list's minimum), with subdomains, eligible for the browsers' preload list. */
export const strictTransportSecurity = { maxAgeSeconds: 31_536_000, includeSubDomains: true, preload: true };

export const frameOptions = 'DENY' as const;

export const referrerPolicy = 'no-referrer' as const;

/** Helmet's `X-XSS-Protection: 0`: the legacy auditor is off, the CSP protects instead. */
export const xssProtection = '0';

/** Headers with no CloudFront security-header setting, added there as custom headers. */
export const otherHeaders: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Permitted-Cross-Domain-Policies': 'none',
};

export interface CspOptions {
  /** Where browsers POST documents (the S3 bucket's origin): the only other origin the SPA talks to. */
  readonly storageOrigin: string;
  /** Off only locally, where the S3 stand-in is plain http. */
  readonly upgradeInsecureRequests: boolean;
}

/** Content-Security-Policy directives, by name. */
export function cspDirectives(options: CspOptions): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'", options.storageOrigin],
    'font-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    ...(options.upgradeInsecureRequests ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** The `Content-Security-Policy` header value, joined as helmet joins it. */
export function contentSecurityPolicy(options: CspOptions): string {
  return Object.entries(cspDirectives(options))
    .map(([name, values]) => [name, ...values].join(' '))
    .join(';');
}

/** Helmet's options for the same headers (helmet's own defaults supply `otherHeaders`). */
export function helmetOptions(options: CspOptions) {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(options) },
    strictTransportSecurity: {
      maxAge: strictTransportSecurity.maxAgeSeconds,
      includeSubDomains: strictTransportSecurity.includeSubDomains,
      preload: strictTransportSecurity.preload,
    },
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: referrerPolicy },
  };
}
