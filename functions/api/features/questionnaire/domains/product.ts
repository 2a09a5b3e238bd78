import type { DomainDef } from '../catalogue';

export const product: DomainDef = {
  id: 'product',
  name: 'Customer Experience & Product Development',
  description:
    'How well the company understands its customers, turns their needs into product decisions and delivers a consistent experience as it grows.',
  questions: [
    {
      id: 'product-customer-insight',
      text: 'How systematically do you gather and act on customer feedback when shaping the product?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Anecdotal, loudest voice wins', 'Structured research that drives the roadmap'],
    },
    {
      id: 'product-market-fit-evidence',
      text: 'How strong is the evidence of product-market fit in your core segment?',
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
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Driven by the latest request', 'Clear criteria tied to strategy and data'],
    },
    {
      id: 'product-delivery-cadence',
      text: 'How predictably does your team ship product improvements to customers?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Releases are rare and risky', 'Frequent, low-risk releases'],
    },
    {
      id: 'product-experience-measurement',
      text: 'How do you measure the quality of the customer experience?',
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
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Most customers get bespoke work', 'One product, configured rather than customised'],
    },
  ],
};
