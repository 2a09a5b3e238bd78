import type { DomainDef } from '../catalogue';

export const change: DomainDef = {
  id: 'change',
  name: 'Change Management & Implementation',
  description:
    'How well the company plans, communicates and executes change so that new strategies, systems and structures actually take hold.',
  readings: {
    critical:
      'Initiatives tend to stall, overlap or meet resistance. Scaling will demand many changes at once, and the organisation is not yet equipped to absorb them.',
    developing:
      'Some changes land, but without consistent ownership, communication or limits on how much runs at once. Results depend on who leads each initiative.',
    established:
      'Change is usually well run and explained. Actively limiting concurrent initiatives and measuring the benefits delivered would make it dependable.',
    'scale-ready':
      'The organisation delivers change reliably: few, well-governed initiatives, clearly explained and quickly adopted. It can keep reinventing itself as it grows.',
  },
  questions: [
    {
      id: 'change-execution-track-record',
      text: 'How reliably do major initiatives deliver their intended results on time?',
      recommendation:
        'For every major initiative, write a one-page charter (goal, measurable benefit, owner, milestones, budget) before starting, review progress every two weeks, and hold a short retrospective when it ends.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Most stall or fail', 'Most deliver as planned'],
    },
    {
      id: 'change-communication',
      text: 'How effectively do leaders explain the reasons for change and what it means for each team?',
      recommendation:
        'For the next significant change, have the accountable leader explain the why, what changes for each team and what stays the same, in person, then collect questions and answer them in writing within a week.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Change is announced, not explained', 'Clear, two-way communication throughout'],
    },
    {
      id: 'change-capacity',
      text: 'How well does the organisation limit the number of concurrent initiatives to what it can absorb?',
      recommendation:
        'List every initiative currently running, rank them against your company objectives, and pause everything below the top five. Add new initiatives only when one finishes or is stopped.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Everything is a priority', 'A managed portfolio with clear trade-offs'],
    },
    {
      id: 'change-employee-adoption',
      text: 'How readily do employees adopt new tools, processes and ways of working?',
      recommendation:
        'Involve a few respected people from each affected team in designing the change, train people before go-live rather than after, and measure adoption (for example active use of the new tool) weekly for the first two months.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Strong resistance', 'Quick, willing adoption'],
    },
    {
      id: 'change-initiative-governance',
      text: 'How are significant change initiatives run?',
      recommendation:
        'Run significant changes through a light governance rhythm: an executive sponsor, a named delivery owner, a plan with milestones and defined benefits, and a monthly review that compares benefits achieved with those promised.',
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
      recommendation:
        "Turn the lesson you described into one rule for the next initiative (for example 'no go-live without trained users') and add it to the charter template so it is applied, not just remembered.",
      type: 'text',
      required: false,
      maxLength: 2000,
    },
  ],
};
