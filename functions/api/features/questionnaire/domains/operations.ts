import type { DomainDef } from '../catalogue';

export const operations: DomainDef = {
  id: 'operations',
  name: 'Operational Excellence & Process Management',
  description:
    'How well the company’s core processes are documented, measured and able to handle increasing volume without a matching rise in cost or errors.',
  questions: [
    {
      id: 'operations-process-documentation',
      text: 'How thoroughly are your core operational processes documented and kept up to date?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Knowledge lives in people’s heads', 'Documented, owned and regularly reviewed'],
    },
    {
      id: 'operations-kpi-tracking',
      text: 'How consistently do you track operational KPIs such as cycle time, throughput and error rates?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Not tracked', 'Tracked on live dashboards with targets'],
    },
    {
      id: 'operations-capacity-headroom',
      text: 'If demand doubled in the next six months, how well could your operations absorb it?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['We would break', 'We would scale with planned, modest investment'],
    },
    {
      id: 'operations-founder-dependency',
      text: 'How far can day-to-day operations run without founder or executive involvement?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Founders are involved in everything', 'Runs smoothly without them'],
    },
    {
      id: 'operations-continuous-improvement',
      text: 'How does the company identify and fix recurring operational problems?',
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
      type: 'text',
      required: false,
      maxLength: 2000,
    },
  ],
};
