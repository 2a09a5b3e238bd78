import type { DomainDef } from '../catalogue';

export const customerSuccess: DomainDef = {
  id: 'customer-success',
  name: 'Customer Success & Retention',
  description:
    'How well the company onboards, retains and expands its customers so that growth compounds rather than leaks away.',
  readings: {
    critical:
      'Customers are onboarded inconsistently and you find out they are unhappy when they leave. Growth will leak out through churn as fast as sales brings it in.',
    developing:
      'Customer success is mostly reactive: some onboarding and support exist, but risk is spotted late and expansion is left to chance.',
    established:
      'Onboarding, health monitoring and churn analysis are in place. A deliberate expansion motion and segmented coverage would turn retention into growth.',
    'scale-ready':
      'Customers reach value quickly, risk is detected early and existing accounts grow deliberately. Retention compounds your growth instead of eroding it.',
  },
  questions: [
    {
      id: 'customer-success-onboarding',
      text: 'How consistently do new customers reach their first meaningful outcome within a defined timeframe?',
      recommendation:
        'Define the first meaningful outcome a new customer must reach and the target number of days to reach it, build an onboarding checklist around it, and report time-to-value for every new customer each month.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Onboarding varies widely', 'A defined, measured time to value'],
    },
    {
      id: 'customer-success-health-monitoring',
      text: 'How early can you detect that a customer is at risk of leaving?',
      recommendation:
        'Build a simple health score from three or four signals you already have (product usage, support tickets, stakeholder engagement, payment delays), review red accounts weekly, and give each one a recovery plan and an owner.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['When they cancel', 'Months ahead, through health scores'],
    },
    {
      id: 'customer-success-expansion',
      text: 'How deliberately do you grow revenue from existing customers through upsell and cross-sell?',
      recommendation:
        'Identify which customers look like your largest ones but buy less, set an expansion target per account manager, and schedule a value review with each top account twice a year to present usage, results and next steps.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Only when customers ask', 'A planned motion with targets'],
    },
    {
      id: 'customer-success-churn-analysis',
      text: 'How well do you understand why customers leave and feed that learning back into the business?',
      recommendation:
        'Interview every churned customer within 30 days, code the primary reason consistently, and review the top churn reasons quarterly with product and sales, with one owned fix for the biggest reason.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Reasons unknown', 'Root causes analysed and acted on'],
    },
    {
      id: 'customer-success-coverage-model',
      text: 'Which best describes your customer success model?',
      recommendation:
        'Segment customers by revenue and complexity: named customer success managers for the top tier, pooled coverage for the middle, and scaled digital onboarding for the rest, each with its own retention target.',
      type: 'choice',
      required: true,
      options: [
        { value: 'reactive-support', label: 'Reactive support only', score: 0 },
        { value: 'founder-led', label: 'Founders or sales look after key accounts', score: 33 },
        { value: 'dedicated-team', label: 'A dedicated customer success team', score: 67 },
        {
          value: 'segmented',
          label: 'A segmented model with playbooks and retention targets for each tier',
          score: 100,
        },
      ],
    },
    {
      id: 'customer-success-net-revenue-retention',
      text: 'What was your net revenue retention over the last twelve months?',
      recommendation:
        'If net revenue retention is below 100%, split it into churn, contraction and expansion by segment, and attack the largest leak first, usually onboarding for early churn or a missing expansion offer.',
      help: 'Revenue today from customers you had a year ago, including expansion and churn, divided by their revenue a year ago.',
      type: 'number',
      required: false,
      min: 0,
      max: 300,
      unit: '%',
    },
    {
      id: 'customer-success-logo-churn',
      text: 'What percentage of customers did you lose over the last twelve months?',
      recommendation:
        'Look at churned customers by segment and by how long they stayed: if most leave in the first year, fix onboarding and fit at the sale; if later, fix value reviews and renewal management.',
      type: 'number',
      required: false,
      min: 0,
      max: 100,
      unit: '%',
    },
  ],
};
