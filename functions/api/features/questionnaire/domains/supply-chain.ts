import type { DomainDef } from '../catalogue';

export const supplyChain: DomainDef = {
  id: 'supply-chain',
  name: 'Supply Chain & Vendor Management',
  description:
    'How resilient, cost-effective and well governed the company’s suppliers, vendors and fulfilment arrangements are as volume grows.',
  readings: {
    critical:
      'You depend on suppliers without alternatives, service levels or growth-ready terms. A single supplier failure or price change could stop or squeeze the business.',
    developing:
      'Key suppliers are known and some terms are in place, but concentration risk and planning gaps remain. Supplier capacity may lag your growth.',
    established:
      'Supplier management is structured, with measured performance and reasonable terms. Joint demand planning and second sources would make it resilient.',
    'scale-ready':
      'Suppliers are managed as partners: measured, contracted for scale and planned with you, with alternatives for critical inputs. Supply will not hold back growth.',
  },
  questions: [
    {
      id: 'supply-chain-supplier-concentration',
      text: 'How well protected are you against the failure of any single critical supplier or vendor?',
      recommendation:
        'List every supplier whose failure would stop you for more than a week, qualify a second source or an exit plan for the top three, and hold a safety stock or contractual continuity commitment where a second source is impossible.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['One failure would halt us', 'Qualified alternatives for every critical input'],
    },
    {
      id: 'supply-chain-vendor-performance',
      text: 'How rigorously do you measure and review the performance of key suppliers against agreed service levels?',
      recommendation:
        'Agree three or four service levels with each critical supplier (on-time delivery, quality, responsiveness), track them monthly on a simple scorecard, and hold a quarterly business review with each one.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Not measured', 'Scorecards and regular business reviews'],
    },
    {
      id: 'supply-chain-contract-terms',
      text: 'How well do your supplier contracts support growth, for example through volume pricing, capacity commitments and exit terms?',
      recommendation:
        'Renegotiate your top five supplier contracts before you need the volume: add tiered volume pricing, guaranteed capacity with notice periods, clear service credits and exit and transition terms.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Informal or unfavourable terms', 'Negotiated for scale'],
    },
    {
      id: 'supply-chain-demand-planning',
      text: 'How well do you share demand forecasts with suppliers so they can scale with you?',
      recommendation:
        'Share a rolling 6–12-month demand forecast with your critical suppliers every month, agree which part of it is a firm commitment, and review forecast accuracy together each quarter.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Suppliers learn when orders arrive', 'Joint planning on a rolling forecast'],
    },
    {
      id: 'supply-chain-procurement-process',
      text: 'How is purchasing from new vendors controlled?',
      recommendation:
        'Write a one-page purchasing policy: who may commit spend, when three quotes are required, and which checks a new vendor must pass (security, financial stability, contract terms), and route all new vendors through one owner.',
      type: 'choice',
      required: true,
      options: [
        { value: 'anyone', label: 'Anyone can buy from any vendor', score: 0 },
        { value: 'manager-approval', label: 'A manager approves purchases informally', score: 33 },
        { value: 'policy', label: 'A written procurement policy with approval thresholds', score: 67 },
        {
          value: 'managed',
          label: 'A procurement policy plus vendor due diligence and a managed supplier list',
          score: 100,
        },
      ],
    },
    {
      id: 'supply-chain-single-source-count',
      text: 'How many critical suppliers or vendors do you depend on with no qualified alternative?',
      recommendation:
        'For each critical single-source supplier, record the impact and the time it would take to switch, and start qualifying an alternative for the one with the longest switch time this quarter.',
      type: 'number',
      required: false,
      min: 0,
      max: 100,
      unit: 'suppliers',
    },
  ],
};
