import type { DomainDef } from '../catalogue';

export const operations: DomainDef = {
  id: 'operations',
  name: 'Operational Excellence & Process Management',
  description:
    'How well the company’s core processes are documented, measured and able to handle increasing volume without a matching rise in cost or errors.',
  readings: {
    critical:
      "Operations run on heroics and on a few people's knowledge. More volume is likely to bring more errors, delays and founder firefighting.",
    developing:
      "Some processes are defined and measured, but many depend on individuals. The operation will strain at around one and a half times today's volume.",
    established:
      'Core processes are documented and measured and run mostly without founders. Planning capacity ahead of demand is the next step.',
    'scale-ready':
      'Operations are documented, measured and continuously improved, with headroom for growth. The business can absorb significantly more volume without breaking.',
  },
  questions: [
    {
      id: 'operations-process-documentation',
      text: 'How thoroughly are your core operational processes documented and kept up to date?',
      recommendation:
        'List your ten processes that touch customers or cash, name an owner for each, and have the owners write each one as a one-page checklist in a shared wiki within six weeks. Review them twice a year or whenever a mistake repeats.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Knowledge lives in people’s heads', 'Documented, owned and regularly reviewed'],
    },
    {
      id: 'operations-kpi-tracking',
      text: 'How consistently do you track operational KPIs such as cycle time, throughput and error rates?',
      recommendation:
        'Choose three to five operational KPIs (for example order-to-delivery time, first-time-right rate, tickets per customer), set a target for each, and put them on a dashboard reviewed in a 30-minute weekly operations meeting.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Not tracked', 'Tracked on live dashboards with targets'],
    },
    {
      id: 'operations-capacity-headroom',
      text: 'If demand doubled in the next six months, how well could your operations absorb it?',
      recommendation:
        'Model what doubling volume would require in people, systems and suppliers, and identify the first step that would break. Fix or pre-contract that constraint now, and agree the volume trigger at which you will add the next unit of capacity.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['We would break', 'We would scale with planned, modest investment'],
    },
    {
      id: 'operations-founder-dependency',
      text: 'How far can day-to-day operations run without founder or executive involvement?',
      recommendation:
        'For two weeks, log every operational decision or task that reaches a founder. Delegate the recurring ones with written decision rules and spending limits, and measure the share of founder time spent on operations each month.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Founders are involved in everything', 'Runs smoothly without them'],
    },
    {
      id: 'operations-continuous-improvement',
      text: 'How does the company identify and fix recurring operational problems?',
      recommendation:
        'Hold a 30-minute root-cause review (five whys) for every customer-facing failure, keep a simple log of fixes and owners, and review the top three recurring issues in the monthly operations meeting until they stop recurring.',
      type: 'choice',
      required: true,
      options: [
        { value: 'firefighting', label: 'We fix issues as they come up', score: 0 },
        { value: 'occasional-reviews', label: 'Occasional reviews after major incidents', score: 33 },
        { value: 'root-cause', label: 'Routine root-cause analysis with owners for fixes', score: 67 },
        {
          value: 'systematic',
          label: 'A systematic improvement programme with measured results',
          score: 100,
        },
      ],
    },
    {
      id: 'operations-bottleneck',
      text: 'Which process or handoff is the biggest bottleneck as volume grows, and why?',
      recommendation:
        'Measure the queue and the cycle time at the bottleneck you named for four weeks, then fix it with the cheapest lever first: clearer handoff rules, automation, or added capacity, in that order.',
      type: 'text',
      required: false,
      maxLength: 2000,
    },
  ],
};
