import type { DomainDef } from '../catalogue';

export const finance: DomainDef = {
  id: 'finance',
  name: 'Financial Management & Capital Efficiency',
  description:
    'How well the company plans, controls and funds its growth, and how efficiently it turns capital into durable revenue.',
  readings: {
    critical:
      'Leadership is steering with limited sight of cash, margins and forecasts. Growth could consume cash faster than you expect, and investors will see the gaps in due diligence.',
    developing:
      'The basics are in place but numbers arrive late or lack the detail needed to decide where to invest. Forecasts are not yet reliable enough to plan hiring against.',
    established:
      'Finance gives a dependable picture of cash and performance. Sharpening unit economics by segment and forecast accuracy will make capital allocation more deliberate.',
    'scale-ready':
      'Finance runs like a mature function: fast closes, trusted forecasts and unit economics used in decisions. You can plan growth and raise capital from a position of evidence.',
  },
  questions: [
    {
      id: 'finance-forecast-accuracy',
      text: 'How reliably do your financial forecasts predict actual results quarter to quarter?',
      recommendation:
        "Compare last quarter's forecast with actuals line by line and write down the three biggest misses and why. Move to a monthly reforecast with driver-based assumptions (pipeline, hiring dates, price) owned by the budget holders, and track forecast accuracy as a KPI.",
      help: 'Consider revenue, costs and cash against the forecast made at the start of the quarter.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Routinely off by a wide margin', 'Consistently within a few percent'],
    },
    {
      id: 'finance-unit-economics',
      text: 'How well do you understand your unit economics, such as customer acquisition cost, lifetime value and contribution margin by segment?',
      recommendation:
        'Calculate CAC, gross-margin-adjusted lifetime value and payback months for each of your two or three main customer segments from the last 12 months of data. Put the numbers on the monthly board pack and stop spending on any segment with a payback above 24 months until it improves.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Not measured', 'Tracked by segment and used in decisions'],
    },
    {
      id: 'finance-cash-visibility',
      text: 'How much visibility does leadership have into cash position and cash flow over the next 13 weeks?',
      recommendation:
        'Build a rolling 13-week cash-flow forecast (receipts, payroll, suppliers, tax, debt) in a simple spreadsheet, update it every Monday, and have the CEO and finance lead review it weekly. Set a minimum cash threshold that triggers a spending freeze.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['We check the bank balance', 'A rolling 13-week cash forecast'],
    },
    {
      id: 'finance-close-process',
      text: 'How quickly and accurately do you close the books each month?',
      recommendation:
        'Write a close checklist with an owner and a due day for each step (bank reconciliation, accruals, revenue recognition, payroll journals) and target a close within 10 working days. Automate bank feeds and expense capture first; they usually remove the biggest delays.',
      type: 'choice',
      required: true,
      options: [
        { value: 'no-monthly-close', label: 'We do not close monthly', score: 0 },
        {
          value: 'over-20-days',
          label: 'More than 20 days after month end, often with corrections',
          score: 33,
        },
        { value: '10-to-20-days', label: 'Within 10 to 20 days after month end', score: 67 },
        {
          value: 'under-10-days',
          label: 'Within 10 days, with management accounts and variance analysis',
          score: 100,
        },
      ],
    },
    {
      id: 'finance-spend-controls',
      text: 'How well defined are your budget ownership, approval limits and spend controls?',
      recommendation:
        'Give every budget line a named owner and publish a delegation-of-authority table (for example team leads up to 2k, executives up to 20k, CEO above). Enforce it in your purchasing or expense tool so approvals no longer route to the founders by default.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Founders approve everything informally', 'Clear budget owners and delegated limits'],
    },
    {
      id: 'finance-runway-months',
      text: 'How many months of runway do you have at your current net burn rate?',
      recommendation:
        'If runway is under 18 months, start funding conversations or cost plans now, not when it reaches 9: model a base case and a downside case, and decide in advance which hires and spend you will pause if the downside case arrives.',
      help: 'If you are cash-flow positive, enter 60.',
      type: 'number',
      required: false,
      min: 0,
      max: 60,
      unit: 'months',
    },
    {
      id: 'finance-gross-margin',
      text: 'What was your gross margin over the last twelve months?',
      recommendation:
        'Break gross margin down by product line and customer segment, find the two lowest-margin pieces of work, and decide for each whether to reprice, automate the delivery cost, or stop selling it.',
      type: 'number',
      required: false,
      min: -100,
      max: 100,
      unit: '%',
    },
  ],
};
