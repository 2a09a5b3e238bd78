import type { DomainDef } from '../catalogue';

export const product: DomainDef = {
  id: 'product',
  name: 'Customer Experience & Product Development',
  description:
    'How well the company understands its customers, turns their needs into product decisions and delivers a consistent experience as it grows.',
  readings: {
    critical:
      'The product is shaped by the latest request rather than by evidence, and fit with the market is not proven. Scaling sales before fixing this amplifies churn.',
    developing:
      'There is evidence of fit and some customer insight, but prioritisation and delivery are inconsistent. Custom work and ad-hoc requests dilute the roadmap.',
    established:
      'Product decisions are mostly evidence-based and delivery is predictable. Tightening the feedback loop and guarding against customisation will sustain it at scale.',
    'scale-ready':
      'Strong evidence of fit, disciplined prioritisation and frequent, low-risk delivery. The product can serve many more customers without fragmenting.',
  },
  questions: [
    {
      id: 'product-customer-insight',
      text: 'How systematically do you gather and act on customer feedback when shaping the product?',
      recommendation:
        'Run at least five customer interviews a month with a consistent script, tag every piece of feedback (interviews, support tickets, lost deals) in one place, and start each roadmap review with the top themes by number of customers and revenue affected.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Anecdotal, loudest voice wins', 'Structured research that drives the roadmap'],
    },
    {
      id: 'product-market-fit-evidence',
      text: 'How strong is the evidence of product-market fit in your core segment?',
      recommendation:
        "Measure product-market fit in your core segment with one cohort retention curve and the 'very disappointed' survey (the share of active users who would be very disappointed without you; aim for 40% or more). Narrow the segment if the numbers are weak.",
      help: 'For example retention curves that flatten, organic referrals or customers who would be very disappointed to lose you.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Unproven', 'Strong, measured evidence'],
    },
    {
      id: 'product-roadmap-prioritisation',
      text: 'How transparent and evidence-based is the way you prioritise your product roadmap?',
      recommendation:
        'Score every roadmap candidate on the same few criteria (reach, impact on a company objective, confidence, effort), publish the ranked list, and say no in writing to requests that do not make the cut.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Driven by the latest request', 'Clear criteria tied to strategy and data'],
    },
    {
      id: 'product-delivery-cadence',
      text: 'How predictably does your team ship product improvements to customers?',
      recommendation:
        'Move towards small, frequent releases: automate tests and deployment for the main product, use feature flags to separate deploying from releasing, and track deployment frequency and change-failure rate monthly.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Releases are rare and risky', 'Frequent, low-risk releases'],
    },
    {
      id: 'product-experience-measurement',
      text: 'How do you measure the quality of the customer experience?',
      recommendation:
        'Pick one experience metric (for example NPS or customer effort score) and one product usage metric, measure them continuously, and close the loop: every detractor gets a response within a week and recurring themes go to the roadmap review.',
      type: 'choice',
      required: true,
      options: [
        { value: 'not-measured', label: 'We do not measure it', score: 0 },
        { value: 'occasional-survey', label: 'Occasional surveys with no follow-up', score: 33 },
        {
          value: 'regular-metrics',
          label: 'Regular metrics such as NPS or CSAT reviewed by leadership',
          score: 67,
        },
        {
          value: 'closed-loop',
          label: 'Journey-level metrics with a closed loop to fix issues and follow up with customers',
          score: 100,
        },
      ],
    },
    {
      id: 'product-customisation-control',
      text: 'How well do you resist one-off customisations that fragment the product?',
      recommendation:
        'Stop selling bespoke work by default: offer configuration and a paid professional-services package instead, require product sign-off for any custom commitment, and fold frequently requested custom features into the core product.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Most customers get bespoke work', 'One product, configured rather than customised'],
    },
  ],
};
