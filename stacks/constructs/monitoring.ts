import {
  aws_cloudwatch as cw,
  aws_cloudwatch_actions as cwActions,
  Duration,
  aws_iam as iam,
  aws_kms as kms,
  type aws_rds as rds,
  aws_sns as sns,
  type aws_sqs as sqs,
  aws_sns_subscriptions as subs,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { ApiTarget } from './api-target';

export interface MonitoringProps {
  /** The API target whose front-door metrics and alarms to watch. */
  readonly api: ApiTarget;
  /** For CPU, free-storage and connection metrics. */
  readonly database: rds.DatabaseInstance;
  /** Alarmed as soon as anything lands in it. */
  readonly deadLetterQueue: sqs.IQueue;
  /** @default - topic without subscribers */
  readonly alarmEmail?: string;
  /**
   * EMF namespace and `service` dimension written by Powertools Metrics.
   * @default { namespace: 'ScaleMap', service: 'scalemap-api' }
   */
  readonly appMetrics?: { readonly namespace: string; readonly service: string };
}

/** Alarm topic (e-mail), alarms on the API, database, dead letters and app metrics, and a dashboard. */
export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly dashboard: cw.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { namespace, service } = props.appMetrics ?? { namespace: 'ScaleMap', service: 'scalemap-api' };
    const key = new kms.Key(this, 'TopicKey', {
      enableKeyRotation: true,
      description: 'ScaleMap alarm topic',
    });
    key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new sns.Topic(this, 'Alarms', { masterKey: key, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new subs.EmailSubscription(props.alarmEmail));

    const minute = Duration.minutes(1);
    const app = (metricName: string, statistic = 'Sum', extra: Record<string, string> = {}) =>
      new cw.Metric({
        namespace,
        metricName,
        dimensionsMap: { service, ...extra },
        statistic,
        period: minute,
      });
    const { api } = props;

    const fiveXxRate = new cw.MathExpression({
      expression: 'IF(requests > 0, 100 * errors / requests, 0)',
      usingMetrics: { errors: api.metrics.serverErrors, requests: api.metrics.requests },
      label: 'API 5xx %',
      period: minute,
    });
    const alarms: cw.Alarm[] = [
      ...api.alarms,
      new cw.Alarm(this, 'Api5xxRate', {
        alarmDescription: 'API 5xx rate above 5% for 2 minutes',
        metric: fiveXxRate,
        threshold: 5,
        evaluationPeriods: 2,
        treatMissingData: cw.TreatMissingData.NOT_BREACHING,
      }),
      new cw.Alarm(this, 'DbCpu', {
        alarmDescription: 'RDS CPU above 80% for 10 minutes',
        metric: props.database.metricCPUUtilization({ period: Duration.minutes(5) }),
        threshold: 80,
        evaluationPeriods: 2,
      }),
      new cw.Alarm(this, 'DbFreeStorage', {
        alarmDescription: 'RDS free storage below 2 GiB',
        metric: props.database.metricFreeStorageSpace({ period: Duration.minutes(5) }),
        threshold: 2 * 1024 ** 3,
        evaluationPeriods: 1,
        comparisonOperator: cw.ComparisonOperator.LESS_THAN_THRESHOLD,
      }),
      new cw.Alarm(this, 'DeadLetters', {
        alarmDescription: 'Events or relay invocations failed and landed in the DLQ',
        metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
        }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cw.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      }),
      // EMF-based: a burst of failed logins is credential stuffing more often than forgetfulness.
      new cw.Alarm(this, 'LoginFailures', {
        alarmDescription: 'More than 50 failed logins in 5 minutes (EMF metric LoginFailed)',
        metric: app('LoginFailed').with({ period: Duration.minutes(5) }),
        threshold: 50,
        evaluationPeriods: 1,
        treatMissingData: cw.TreatMissingData.NOT_BREACHING,
      }),
    ];
    const action = new cwActions.SnsAction(this.topic);
    for (const alarm of alarms) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }

    const latencyByRoute = new cw.MathExpression({
      expression: `SEARCH('{${namespace},route,service} MetricName="ApiLatency" service="${service}"', 'p95', 60)`,
      label: 'p95',
      period: minute,
    });
    this.dashboard = new cw.Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(6),
      widgets: [
        [
          new cw.GraphWidget({
            title: 'Business events',
            left: [app('AssessmentSubmitted'), app('DocumentUploaded'), app('LoginFailed')],
            width: 12,
          }),
          new cw.GraphWidget({ title: 'API latency by route (p95, ms)', left: [latencyByRoute], width: 12 }),
        ],
        [
          new cw.GraphWidget({
            title: 'Requests and 5xx',
            left: [api.metrics.requests],
            right: [api.metrics.serverErrors],
            width: 8,
          }),
          new cw.GraphWidget({ title: 'API 5xx %', left: [fiveXxRate], width: 8 }),
          new cw.GraphWidget({ title: 'Front-door latency p95', left: [api.metrics.latencyP95], width: 8 }),
        ],
        [
          new cw.GraphWidget({
            title: 'Database',
            left: [props.database.metricCPUUtilization()],
            right: [props.database.metricDatabaseConnections()],
            width: 12,
          }),
          new cw.AlarmStatusWidget({ title: 'Alarms', alarms, width: 12 }),
        ],
      ],
    });
  }
}
