import type { DomainDef } from '../catalogue';

export const technology: DomainDef = {
  id: 'technology',
  name: 'Technology & Data Infrastructure',
  description:
    'How well the company’s systems, architecture and data support reliable operations, informed decisions and growth in users and transactions.',
  questions: [
    {
      id: 'technology-scalability',
      text: 'How confident are you that your core systems can handle ten times your current volume?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['They would fail', 'Load-tested and designed for it'],
    },
    {
      id: 'technology-systems-integration',
      text: 'How well integrated are your business systems, such as CRM, finance and operations tools?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Disconnected, with manual re-keying', 'Integrated with a single source of truth'],
    },
    {
      id: 'technology-data-driven-decisions',
      text: 'How readily can leaders get trusted data to answer business questions without a manual project?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Data is scattered and disputed', 'Self-serve, trusted reporting'],
    },
    {
      id: 'technology-security-practices',
      text: 'How mature are your information security practices, such as access control, backups and incident response?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Minimal', 'Formalised and independently audited'],
    },
    {
      id: 'technology-technical-debt',
      text: 'How is technical debt managed in your engineering roadmap?',
      type: 'choice',
      required: true,
      options: [
        { value: 'unknown', label: 'We do not track it', score: 0 },
        {
          value: 'known-unmanaged',
          label: 'We know it exists but rarely make time to address it',
          score: 33,
        },
        { value: 'periodic', label: 'We address it periodically when it causes problems', score: 67 },
        {
          value: 'budgeted',
          label: 'It is tracked and given a fixed share of engineering capacity',
          score: 100,
        },
      ],
    },
    {
      id: 'technology-biggest-gap',
      text: 'Which system or data gap will hurt you most as you scale, and why?',
      type: 'text',
      required: false,
      maxLength: 2000,
    },
  ],
};
