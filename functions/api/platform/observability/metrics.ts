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
  return {
    raw,
    count(name) {
      if (options.enabled) raw.addMetric(name, MetricUnit.Count, 1);
    },
    latency(route, ms) {
      if (!options.enabled) return;
      // A per-route dimension cannot share a blob with the service-level counts.
      const single = raw.singleMetric();
      single.addDimension('route', route);
      single.addMetric('ApiLatency', MetricUnit.Milliseconds, ms);
    },
    flush() {
      // Publishing nothing would log a warning on most invocations.
      if (options.enabled && raw.hasStoredMetrics()) raw.publishStoredMetrics();
    },
  };
}
