import {
  aws_cloudwatch as cw,
  Duration,
  type aws_ecs as ecs,
  aws_elasticloadbalancingv2 as elbv2,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { ApiTarget } from './api-target';

export interface FargateAlarmsProps {
  /** The API's front door: requests, 5xx (ALB and targets) and latency. */
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  /** Its health-checked targets. */
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  /** The service whose running tasks are counted (Container Insights). */
  readonly service: ecs.FargateService;
}

/** target=fargate: the ALB's request metrics and alarms on task health. */
export class FargateAlarms extends Construct {
  readonly metrics: ApiTarget['metrics'];
  readonly alarms: cw.Alarm[];

  constructor(scope: Construct, id: string, props: FargateAlarmsProps) {
    super(scope, id);
    const period = Duration.minutes(1);
    const lb = props.loadBalancer.metrics;
    this.metrics = {
      requests: lb.requestCount({ period }),
      serverErrors: new cw.MathExpression({
        expression: 'FILL(t, 0) + FILL(e, 0)',
        usingMetrics: {
          t: lb.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period }),
          e: lb.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { period }),
        },
        label: '5xx',
        period,
      }),
      latencyP95: lb.targetResponseTime({ statistic: 'p95', period }),
    };
    const ecsDims = {
      ClusterName: props.service.cluster.clusterName,
      ServiceName: props.service.serviceName,
    };
    const insights = (metricName: string) =>
      new cw.Metric({
        namespace: 'ECS/ContainerInsights',
        metricName,
        dimensionsMap: ecsDims,
        statistic: 'Average',
        period,
      });
    this.alarms = [
      new cw.Alarm(this, 'TasksBelowDesired', {
        alarmDescription: 'Fewer ECS tasks running than desired for 5 minutes',
        metric: new cw.MathExpression({
          expression: 'desired - running',
          usingMetrics: { desired: insights('DesiredTaskCount'), running: insights('RunningTaskCount') },
          period,
        }),
        threshold: 1,
        evaluationPeriods: 5,
        comparisonOperator: cw.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cw.TreatMissingData.BREACHING,
      }),
      new cw.Alarm(this, 'UnhealthyTasks', {
        alarmDescription: 'A task fails the /api/health check (task failure)',
        metric: props.targetGroup.metrics.unhealthyHostCount({ period, statistic: 'Maximum' }),
        threshold: 1,
        evaluationPeriods: 3,
        comparisonOperator: cw.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cw.TreatMissingData.NOT_BREACHING,
      }),
    ];
  }
}
