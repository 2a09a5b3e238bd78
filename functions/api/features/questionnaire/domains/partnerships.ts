import type { DomainDef } from '../catalogue';

export const partnerships: DomainDef = {
  id: 'partnerships',
  name: 'External Partnerships & Ecosystem',
  description:
    'How effectively the company uses partners, channels, integrations and its wider ecosystem to extend reach and capability.',
  readings: {
    critical:
      'Partnerships are opportunistic and contribute little. You are relying on direct effort alone to reach the market.',
    developing:
      'Some partners exist and add occasional value, but without a strategy, enablement or clear economics. Their contribution is hard to predict.',
    established:
      'Partnerships are managed and contribute measurable pipeline. Better enablement and aligned incentives could make them a reliable growth channel.',
    'scale-ready':
      'Partners are a defined, enabled and measured part of how you grow, and you are a visible participant in your ecosystem. They extend your reach at low marginal cost.',
  },
  questions: [
    {
      id: 'partnerships-strategy',
      text: 'How clearly defined is the role partnerships play in your growth strategy?',
      recommendation:
        'Decide which one or two partner types (for example resellers, technology integrations or referral partners) best reach your ideal customers, and write a one-page partner strategy with targets for sourced pipeline over the next four quarters.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Opportunistic', 'Defined partner strategy with targets'],
    },
    {
      id: 'partnerships-revenue-contribution',
      text: 'How meaningful is the pipeline or revenue that partners generate or influence today?',
      recommendation:
        'Tag every opportunity with partner source or influence in your CRM, report partner-sourced pipeline monthly, and double down on the two partners that generate the most qualified pipeline.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Negligible', 'A significant, measured share'],
    },
    {
      id: 'partnerships-partner-enablement',
      text: 'How well equipped are your partners to sell, implement or integrate with your offering?',
      recommendation:
        'Build a partner kit (positioning, pitch deck, demo environment, pricing and deal-registration process) and run a one-hour enablement session with each active partner every quarter.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['No enablement', 'Training, materials and dedicated support'],
    },
    {
      id: 'partnerships-value-alignment',
      text: 'How well aligned are incentives between you and your key partners?',
      recommendation:
        'For each key partner, write down what they gain and what you gain, agree the economics (referral fee, margin or co-selling rules) in a signed agreement, and review it after the first three joint deals.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Often in conflict', 'Clear mutual value and agreed economics'],
    },
    {
      id: 'partnerships-management',
      text: 'How are your key partner relationships managed?',
      recommendation:
        'Give each strategic partner a named owner outside the founding team, with a joint plan, a quarterly review, and a target for the pipeline the partnership generates.',
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
      recommendation:
        'Choose the two or three places your buyers look (an industry association, a marketplace listing, an integration directory) and build a presence there this half-year: a listing, a case study, and a speaking slot or sponsorship.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Largely unknown', 'A recognised, trusted participant'],
    },
  ],
};
