import type { DomainDef } from '../catalogue';

export const revenue: DomainDef = {
  id: 'revenue',
  name: 'Revenue Engine & Growth',
  description:
    'How predictable, repeatable and efficient the company’s process for acquiring new customers and growing revenue is.',
  readings: {
    critical:
      'Revenue depends on the founders and on one or two channels. Adding salespeople or marketing spend now is likely to raise cost faster than revenue.',
    developing:
      'Some of the sales motion can be repeated, but forecasts and channel economics are still uncertain. Scaling spend before they are proven carries real risk.',
    established:
      'You have a working, mostly repeatable revenue engine. The next gains come from forecast discipline, pricing governance and proving a second channel.',
    'scale-ready':
      'Revenue growth is repeatable, forecastable and spread across proven channels with known economics. You can invest in growth with confidence about the return.',
  },
  questions: [
    {
      id: 'revenue-repeatable-sales-process',
      text: 'How repeatable is your sales process when run by someone other than the founders?',
      recommendation:
        "Record and transcribe the founders' next ten sales calls and turn them into a written playbook: qualification questions, discovery script, demo flow, objection handling and stage exit criteria. Hire or assign one non-founder seller to run it and measure their win rate against the founders'.",
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Only founders can close deals', 'New hires hit quota using a documented playbook'],
    },
    {
      id: 'revenue-pipeline-predictability',
      text: 'How accurately can you predict next quarter’s new revenue from your current pipeline?',
      recommendation:
        "Define each pipeline stage by a buyer action (not a seller's feeling), apply historic stage-to-close conversion rates to produce a weighted forecast, and compare it with actuals every month. Remove deals with no activity in 30 days from the forecast.",
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Mostly guesswork', 'Stage-weighted forecast we consistently hit'],
    },
    {
      id: 'revenue-channel-diversity',
      text: 'How diversified and proven are your customer acquisition channels?',
      recommendation:
        'Pick one channel beyond your current main source and run a 90-day, fixed-budget experiment with a target cost per qualified opportunity. Keep what hits the target, scale it, and report CAC by channel every month.',
      help: 'A proven channel produces customers at a known cost and can absorb more investment.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['One unproven channel', 'Several proven channels with known economics'],
    },
    {
      id: 'revenue-pricing-discipline',
      text: 'How deliberately is your pricing set, tested and enforced against discounting?',
      recommendation:
        'Publish a price list with three clear packages, set a discount ceiling (for example 15%) above which the CEO or CFO must approve, and review realised price versus list every quarter. Test a price increase on new customers in one segment.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Priced case by case', 'Value-based pricing with discount governance'],
    },
    {
      id: 'revenue-marketing-sales-alignment',
      text: 'How are marketing and sales aligned around lead definitions and handoffs?',
      recommendation:
        'Agree a written definition of a marketing-qualified and a sales-accepted lead, a 24-hour follow-up rule, and one shared target (pipeline value created) that both teams report on weekly.',
      type: 'choice',
      required: true,
      options: [
        { value: 'none', label: 'There is no shared definition of a qualified lead', score: 0 },
        { value: 'informal', label: 'Informal agreement, but handoffs are often disputed', score: 33 },
        { value: 'defined', label: 'Shared lead stages and criteria tracked in a CRM', score: 67 },
        {
          value: 'shared-targets',
          label: 'Shared lead stages, service-level agreements and a joint revenue target',
          score: 100,
        },
      ],
    },
    {
      id: 'revenue-cac-payback-months',
      text: 'How many months does it take to recover the cost of acquiring a typical new customer?',
      recommendation:
        'If payback is above 18 months, cut the channels with the worst payback first and raise initial contract value (annual upfront billing, minimum package) before adding sales headcount.',
      help: 'Customer acquisition cost divided by monthly gross profit per new customer.',
      type: 'number',
      required: false,
      min: 0,
      max: 60,
      unit: 'months',
    },
    {
      id: 'revenue-growth-constraint',
      text: 'What most limits your ability to grow revenue faster today?',
      recommendation:
        "Put a number on the constraint you named (for example 'we lose 40% of qualified deals at security review') and make one leader accountable for moving it within the next quarter.",
      type: 'text',
      required: false,
      maxLength: 2000,
    },
  ],
};
