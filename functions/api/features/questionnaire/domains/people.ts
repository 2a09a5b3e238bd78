import type { DomainDef } from '../catalogue';

export const people: DomainDef = {
  id: 'people',
  name: 'People & Organizational Development',
  description:
    'How well the company attracts, develops, organises and retains the people and leaders it needs for its next stage of growth.',
  readings: {
    critical:
      'The organisation relies on a few people, with unclear roles and informal hiring. Growth is likely to stall on leadership gaps, bad hires and key-person risk.',
    developing:
      'Foundations such as role definitions and a hiring routine exist but are applied unevenly. Leadership depth is the likely constraint on the next stage.',
    established:
      'People practices are structured and mostly consistent. Building leadership bench strength and succession cover will protect the next stage of growth.',
    'scale-ready':
      'You have the leadership, hiring and performance practices of a larger company. The organisation can grow headcount without losing clarity or quality.',
  },
  questions: [
    {
      id: 'people-leadership-bench',
      text: 'How ready is your leadership team to run a company two to three times its current size?',
      recommendation:
        'Map each leadership role against what it must deliver at two to three times your size and mark the gaps. For each gap, decide within a month whether to develop (with a coach and a stretch goal), hire above, or bring in an interim leader, and put the hire plan in the budget.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Significant gaps', 'Experienced leaders in every key role'],
    },
    {
      id: 'people-hiring-process',
      text: 'How structured and repeatable is your hiring process, from role definition to onboarding?',
      recommendation:
        'For every open role, write a scorecard with three to five outcomes for the first year, run structured interviews where each interviewer assesses different competencies, and use a 30-60-90-day onboarding plan. Track time-to-hire and 6-month retention of new hires.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Ad hoc and inconsistent', 'Structured interviews, scorecards and onboarding'],
    },
    {
      id: 'people-roles-accountability',
      text: 'How clearly are roles, responsibilities and decision rights defined across the organisation?',
      recommendation:
        'Write a decision-rights matrix (for example RACI) for your 15 most frequent cross-team decisions such as pricing changes, hiring, and releases, and publish it. Give every team a one-paragraph mandate with the outcomes it owns.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Frequently unclear or overlapping', 'Clearly defined and respected'],
    },
    {
      id: 'people-performance-management',
      text: 'How effectively do you set expectations, give feedback and address under-performance?',
      recommendation:
        'Introduce a simple quarterly check-in: three goals per person, a conversation on progress and behaviour, and written notes. Train managers to address under-performance within 30 days with a clear improvement plan.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Rarely addressed', 'Regular, fair and acted upon'],
    },
    {
      id: 'people-succession-key-roles',
      text: 'Which best describes your succession cover for business-critical roles?',
      recommendation:
        "List the roles whose loss would hurt you within a week (often finance, key engineers and top salespeople), name a back-up for each, and have them shadow and document the role's critical tasks this quarter.",
      type: 'choice',
      required: true,
      options: [
        {
          value: 'none',
          label: 'Losing certain individuals would seriously disrupt the business',
          score: 0,
        },
        { value: 'identified', label: 'Critical roles are identified but have no cover', score: 33 },
        { value: 'partial', label: 'Some critical roles have a trained backup', score: 67 },
        { value: 'full', label: 'Every critical role has a documented succession plan', score: 100 },
      ],
    },
    {
      id: 'people-annual-attrition',
      text: 'What was your voluntary employee attrition over the last twelve months?',
      recommendation:
        'If voluntary attrition is above 15%, run stay interviews with your top performers and exit interviews with every leaver for the next quarter, find the two most common reasons, and act on them visibly.',
      help: 'Voluntary leavers divided by average headcount.',
      type: 'number',
      required: false,
      min: 0,
      max: 100,
      unit: '%',
    },
  ],
};
