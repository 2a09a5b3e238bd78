import type { DomainDef } from '../catalogue';

export const strategy: DomainDef = {
  id: 'strategy',
  name: 'Strategic Alignment & Vision',
  description:
    'How clearly the company has defined where it is going, how it will win, and how consistently that direction is understood and used to make decisions.',
  readings: {
    critical:
      "Direction is unclear or held only in the founders' heads. As you grow, teams will pull in different directions and every priority call will escalate to the top.",
    developing:
      'A direction exists but is not yet shared or used consistently. Teams can describe the goal, but it does not yet decide what they stop doing.',
    established:
      'Strategy is documented, reviewed and mostly cascaded. The next step is sharper focus: explicit choices about which markets and work you will not pursue.',
    'scale-ready':
      'Leaders share one clear direction that drives goals and trade-offs at every level. Strategy is a working tool, reviewed on a steady rhythm, and ready to guide a larger organisation.',
  },
  questions: [
    {
      id: 'strategy-vision-clarity',
      text: 'How clearly is your three-to-five-year vision documented and understood by the whole leadership team?',
      recommendation:
        'Run a half-day leadership offsite to write a one-page vision: where you will be in three years (revenue, customers, team size) and what you will not do. Then ask each leader to restate it unprompted in their next team meeting; rewrite until every version matches.',
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
      recommendation:
        "Rank your last 20 won and lost deals by margin, sales-cycle length and retention, and write a one-page ideal customer profile from the top quartile. Add an explicit 'we do not pursue' list and make sales qualify every new opportunity against it.",
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['We sell to anyone who will buy', 'Sharply defined, with explicit exclusions'],
    },
    {
      id: 'strategy-competitive-advantage',
      text: 'How well can you articulate a defensible advantage that competitors would find hard to copy within the next two years?',
      recommendation:
        'Interview five recent customers who chose you over an alternative and five who did not, and write down the exact reasons in their words. Keep only the reasons a competitor could not copy within 24 months, and fund the work that deepens those.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['No clear differentiation', 'Well-evidenced and defensible'],
    },
    {
      id: 'strategy-goal-cascade',
      text: 'To what extent do company-level goals cascade into measurable team and individual objectives?',
      recommendation:
        'Set no more than three company objectives for next quarter, each with one measurable result, and have every team lead publish two or three team goals that visibly roll up to them. Review the tree in the first leadership meeting of each month.',
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
      recommendation:
        'Put a 90-minute quarterly strategy review in the calendar for the next four quarters. Prepare it with a one-page KPI pack (the agreed 8–10 measures against plan) and end each session with a written decision log: what you will keep, stop and change.',
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
      recommendation:
        'Turn the obstacle you named into a single owned initiative with a 90-day milestone and a measure of success, and review it at every leadership meeting until it is no longer the biggest obstacle.',
      type: 'text',
      required: false,
      maxLength: 2000,
    },
  ],
};
