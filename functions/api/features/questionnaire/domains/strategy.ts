import type { DomainDef } from '../catalogue';

export const strategy: DomainDef = {
  id: 'strategy',
  name: 'Strategic Alignment & Vision',
  description:
    'How clearly the company has defined where it is going, how it will win, and how consistently that direction is understood and used to make decisions.',
  questions: [
    {
      id: 'strategy-vision-clarity',
      text: 'How clearly is your three-to-five-year vision documented and understood by the whole leadership team?',
      help: 'A clear vision can be stated consistently by every leader without referring to a slide deck.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Not defined', 'Documented and shared by all leaders'],
    },
    {
      id: 'strategy-target-market-focus',
      text: 'How precisely have you defined your ideal customer profile and the markets you will deliberately not pursue?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['We sell to anyone who will buy', 'Sharply defined, with explicit exclusions'],
    },
    {
      id: 'strategy-competitive-advantage',
      text: 'How well can you articulate a defensible advantage that competitors would find hard to copy within the next two years?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['No clear differentiation', 'Well-evidenced and defensible'],
    },
    {
      id: 'strategy-goal-cascade',
      text: 'To what extent do company-level goals cascade into measurable team and individual objectives?',
      help: 'For example OKRs or annual priorities that each team can trace back to company goals.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Goals stay at the top', 'Every team has linked, measurable goals'],
    },
    {
      id: 'strategy-planning-cadence',
      text: 'How does the leadership team review and adjust strategy?',
      type: 'choice',
      required: true,
      options: [
        { value: 'ad-hoc', label: 'Only when something goes wrong', score: 0 },
        { value: 'annual', label: 'Once a year as part of budgeting', score: 33 },
        { value: 'quarterly', label: 'A quarterly review of progress against the plan', score: 67 },
        {
          value: 'quarterly-with-kpis',
          label: 'A quarterly review driven by agreed KPIs, with documented decisions to adjust course',
          score: 100,
        },
      ],
    },
    {
      id: 'strategy-biggest-obstacle',
      text: 'What is the single biggest strategic obstacle to scaling your business over the next 18 months?',
      type: 'text',
      required: false,
      maxLength: 2000,
    },
  ],
};
