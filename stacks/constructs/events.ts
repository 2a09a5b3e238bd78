import {
  Duration,
  aws_events as events,
  type aws_lambda as lambda,
  aws_sqs as sqs,
  aws_events_targets as targets,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface RelayScheduleProps {
  /**
   * How often the relay runs.
   * @default Duration.minutes(1)
   */
  readonly interval?: Duration;
}

/** Detail type of the event recorded on submit. */
export const assessmentSubmitted = 'assessment.submitted';

/**
 * The event bus, the outbox relay schedule, and where `assessment.submitted` goes. Failed deliveries
 * (relay invocations, rule targets, analysis messages) all land in one DLQ that is alarmed on.
 */
export class Events extends Construct {
  readonly bus: events.EventBus;
  readonly deadLetterQueue: sqs.Queue;
  /** Buffer for the analysis pipeline, which consumes `assessment.submitted`. */
  readonly analysisQueue: sqs.Queue;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      retentionPeriod: Duration.days(14),
    });
    this.bus = new events.EventBus(this, 'Bus', { deadLetterQueue: this.deadLetterQueue });
    this.analysisQueue = new sqs.Queue(this, 'Analysis', {
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      visibilityTimeout: Duration.minutes(5),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 5 },
    });
    new events.Rule(this, 'Submitted', {
      eventBus: this.bus,
      eventPattern: { detailType: [assessmentSubmitted] },
      targets: [new targets.SqsQueue(this.analysisQueue, { deadLetterQueue: this.deadLetterQueue })],
    });
  }

  /** Runs the image's `relay.handler` (publishes unsent outbox rows) on a schedule, and lets it publish. */
  scheduleRelay(relay: lambda.IFunction, props: RelayScheduleProps = {}): void {
    new events.Rule(this, 'RelaySchedule', {
      schedule: events.Schedule.rate(props.interval ?? Duration.minutes(1)),
      targets: [
        new targets.LambdaFunction(relay, {
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 2,
          maxEventAge: Duration.minutes(2),
        }),
      ],
    });
    this.bus.grantPutEventsTo(relay);
  }
}
