import type { DomainDef } from '../catalogue';

export const people: DomainDef = {
  id: 'people',
  name: 'People & Organizational Development',
  description:
    'How well the company attracts, develops, organises and retains the people and leaders it needs for its next stage of growth.',
  questions: [
    {
      id: 'people-leadership-bench',
      text: 'How ready is your leadership team to run a company two to three times its current size?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Significant gaps', 'Experienced leaders in every key role'],
    },
    {
      id: 'people-hiring-process',
      text: 'How structured and repeatable is your hiring process, from role definition to onboarding?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Ad hoc and inconsistent', 'Structured interviews, scorecards and onboarding'],
    },
    {
      id: 'people-roles-accountability',
      text: 'How clearly are roles, responsibilities and decision rights defined across the organisation?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Frequently unclear or overlapping', 'Clearly defined and respected'],
    },
    {
      id: 'people-performance-management',
      text: 'How effectively do you set expectations, give feedback and address under-performance?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Rarely addressed', 'Regular, fair and acted upon'],
    },
    {
      id: 'people-succession-key-roles',
      text: 'Which best describes your succession cover for business-critical roles?',
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
      help: 'Voluntary leavers divided by average headcount.',
      type: 'number',
      required: false,
      min: 0,
      max: 100,
      unit: '%',
    },
  ],
};
