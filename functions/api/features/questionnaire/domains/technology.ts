import type { DomainDef } from '../catalogue';

export const technology: DomainDef = {
  id: 'technology',
  name: 'Technology & Data Infrastructure',
  description:
    'How well the company’s systems, architecture and data support reliable operations, informed decisions and growth in users and transactions.',
  readings: {
    critical:
      'Systems and data are likely to fail or fragment under growth. Manual work, security exposure and unreliable reporting will grow with every new customer.',
    developing:
      'Core systems work today, but integration, data quality or security will not keep up with much more volume. Expect rising manual effort and disputed numbers.',
    established:
      'Technology is in reasonable shape, with known gaps. Paying down technical debt deliberately and proving scalability will keep it from becoming a constraint.',
    'scale-ready':
      'Systems are integrated, secure and proven to scale, and leaders trust the data. Technology is an enabler of growth rather than a brake on it.',
  },
  questions: [
    {
      id: 'technology-scalability',
      text: 'How confident are you that your core systems can handle ten times your current volume?',
      recommendation:
        "Run a load test at five to ten times today's peak against a production-like environment, note what fails first, and put the fixes on the roadmap with a date. Add capacity alerts so you learn about limits before customers do.",
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['They would fail', 'Load-tested and designed for it'],
    },
    {
      id: 'technology-systems-integration',
      text: 'How well integrated are your business systems, such as CRM, finance and operations tools?',
      recommendation:
        'Map where customer, order and financial data are entered and re-keyed, pick the single system of record for each, and integrate the two systems that cause the most manual re-keying first (typically CRM to finance).',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Disconnected, with manual re-keying', 'Integrated with a single source of truth'],
    },
    {
      id: 'technology-data-driven-decisions',
      text: 'How readily can leaders get trusted data to answer business questions without a manual project?',
      recommendation:
        'Agree one definition for each of your ten most-used business metrics, build them once in a shared reporting tool fed automatically from your systems of record, and retire spreadsheets that compete with it.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Data is scattered and disputed', 'Self-serve, trusted reporting'],
    },
    {
      id: 'technology-security-practices',
      text: 'How mature are your information security practices, such as access control, backups and incident response?',
      recommendation:
        'Enforce multi-factor authentication and single sign-on for every business system, test a restore from backup, and write a one-page incident response plan this quarter. Then plan for an external audit (for example ISO 27001 or SOC 2) if customers ask for it.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Minimal', 'Formalised and independently audited'],
    },
    {
      id: 'technology-technical-debt',
      text: 'How is technical debt managed in your engineering roadmap?',
      recommendation:
        'Ask engineering to list the technical debt that slows delivery or risks outages, estimate each item, and reserve a fixed share of capacity (commonly 15–20%) every sprint to pay it down, reported alongside features.',
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
      recommendation:
        'Give the gap you named an owner and a costed plan, and decide whether it is cheaper to fix now or at twice your current volume; most data gaps get more expensive to fix the longer they wait.',
      type: 'text',
      required: false,
      maxLength: 2000,
    },
  ],
};
