import type { DomainDef } from '../catalogue';

export const supplyChain: DomainDef = {
  id: 'supply-chain',
  name: 'Supply Chain & Vendor Management',
  description:
    'How resilient, cost-effective and well governed the company’s suppliers, vendors and fulfilment arrangements are as volume grows.',
  questions: [
    {
      id: 'supply-chain-supplier-concentration',
      text: 'How well protected are you against the failure of any single critical supplier or vendor?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['One failure would halt us', 'Qualified alternatives for every critical input'],
    },
    {
      id: 'supply-chain-vendor-performance',
      text: 'How rigorously do you measure and review the performance of key suppliers against agreed service levels?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Not measured', 'Scorecards and regular business reviews'],
    },
    {
      id: 'supply-chain-contract-terms',
      text: 'How well do your supplier contracts support growth, for example through volume pricing, capacity commitments and exit terms?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Informal or unfavourable terms', 'Negotiated for scale'],
    },
    {
      id: 'supply-chain-demand-planning',
      text: 'How well do you share demand forecasts with suppliers so they can scale with you?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Suppliers learn when orders arrive', 'Joint planning on a rolling forecast'],
    },
    {
      id: 'supply-chain-procurement-process',
      text: 'How is purchasing from new vendors controlled?',
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
      type: 'number',
      required: false,
      min: 0,
      max: 100,
      unit: 'suppliers',
    },
  ],
};
