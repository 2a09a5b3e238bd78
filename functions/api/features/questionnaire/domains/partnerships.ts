import type { DomainDef } from '../catalogue';

export const partnerships: DomainDef = {
  id: 'partnerships',
  name: 'External Partnerships & Ecosystem',
  description:
    'How effectively the company uses partners, channels, integrations and its wider ecosystem to extend reach and capability.',
  questions: [
    {
      id: 'partnerships-strategy',
      text: 'How clearly defined is the role partnerships play in your growth strategy?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Opportunistic', 'Defined partner strategy with targets'],
    },
    {
      id: 'partnerships-revenue-contribution',
      text: 'How meaningful is the pipeline or revenue that partners generate or influence today?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Negligible', 'A significant, measured share'],
    },
    {
      id: 'partnerships-partner-enablement',
      text: 'How well equipped are your partners to sell, implement or integrate with your offering?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['No enablement', 'Training, materials and dedicated support'],
    },
    {
      id: 'partnerships-value-alignment',
      text: 'How well aligned are incentives between you and your key partners?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Often in conflict', 'Clear mutual value and agreed economics'],
    },
    {
      id: 'partnerships-management',
      text: 'How are your key partner relationships managed?',
      type: 'choice',
      required: true,
      options: [
        { value: 'unmanaged', label: 'No one owns them', score: 0 },
        { value: 'founder-owned', label: 'Founders manage them informally', score: 33 },
        { value: 'named-owner', label: 'Each key partner has a named owner and joint plan', score: 67 },
        {
          value: 'programme',
          label: 'A partner programme with tiers, joint plans and regular performance reviews',
          score: 100,
        },
      ],
    },
    {
      id: 'partnerships-ecosystem-presence',
      text: 'How visible and credible is your company within its industry ecosystem, such as associations, marketplaces and integration directories?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Largely unknown', 'A recognised, trusted participant'],
    },
  ],
};
