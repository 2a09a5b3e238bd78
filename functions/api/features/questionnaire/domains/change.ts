import type { DomainDef } from '../catalogue';

export const change: DomainDef = {
  id: 'change',
  name: 'Change Management & Implementation',
  description:
    'How well the company plans, communicates and executes change so that new strategies, systems and structures actually take hold.',
  questions: [
    {
      id: 'change-execution-track-record',
      text: 'How reliably do major initiatives deliver their intended results on time?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Most stall or fail', 'Most deliver as planned'],
    },
    {
      id: 'change-communication',
      text: 'How effectively do leaders explain the reasons for change and what it means for each team?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Change is announced, not explained', 'Clear, two-way communication throughout'],
    },
    {
      id: 'change-capacity',
      text: 'How well does the organisation limit the number of concurrent initiatives to what it can absorb?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Everything is a priority', 'A managed portfolio with clear trade-offs'],
    },
    {
      id: 'change-employee-adoption',
      text: 'How readily do employees adopt new tools, processes and ways of working?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Strong resistance', 'Quick, willing adoption'],
    },
    {
      id: 'change-initiative-governance',
      text: 'How are significant change initiatives run?',
      type: 'choice',
      required: true,
      options: [
        { value: 'informal', label: 'Informally, by whoever has time', score: 0 },
        { value: 'named-owner', label: 'A named owner, but no formal plan or milestones', score: 33 },
        { value: 'planned', label: 'An owner, plan and milestones tracked by leadership', score: 67 },
        {
          value: 'managed-with-benefits',
          label: 'An owner, plan, milestones and measured benefits reviewed after completion',
          score: 100,
        },
      ],
    },
    {
      id: 'change-lessons-learned',
      text: 'What did you learn from the last significant change that did not go to plan?',
      type: 'text',
      required: false,
      maxLength: 2000,
    },
  ],
};
