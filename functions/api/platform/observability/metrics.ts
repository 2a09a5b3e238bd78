import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** Business and latency metrics, as CloudWatch EMF through Powertools. */
export interface AppMetrics {
  count(name: 'AssessmentSubmitted' | 'DocumentUploaded' | 'LoginFailed'): void;
  latency(route: string, ms: number): void;
  /** Writes the stored metrics (per invocation on Lambda, on an interval on Fargate). */
  flush(): void;
}

export const METRICS_NAMESPACE = 'ScaleMap';

export function createMetrics(options: {
  serviceName: string;
  enabled: boolean;
}): AppMetrics & { raw: Metrics } {
  const raw = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: options.serviceName });
  // Latencies are kept per route and written at flush: one EMF blob per route per flush, rather
  // than a Metrics object and a stdout write per request.
  const latencies = new Map<string, number[]>();
  return {
    raw,
    count(name) {
      if (options.enabled) raw.addMetric(name, MetricUnit.Count, 1);
    },
    latency(route, ms) {
      if (!options.enabled) return;
      const values = latencies.get(route);
      if (values) values.push(ms);
      else latencies.set(route, [ms]);
    },
    flush() {
      if (!options.enabled) return;
      for (const [route, values] of latencies) {
        // A per-route dimension cannot share a blob with the service-level counts; EMF takes at
        // most 100 values per metric in one blob.
        for (let i = 0; i < values.length; i += 100) {
          const single = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: options.serviceName });
          single.addDimension('route', route);
          for (const v of values.slice(i, i + 100))
            single.addMetric('ApiLatency', MetricUnit.Milliseconds, v);
          single.publishStoredMetrics();
        }
      }
      latencies.clear();
      // Publishing nothing would log a warning on most invocations.
      if (raw.hasStoredMetrics()) raw.publishStoredMetrics();
    },
  };
}
