import type { DomainDef } from '../catalogue';

export const risk: DomainDef = {
  id: 'risk',
  name: 'Risk Management & Compliance',
  description:
    'How well the company identifies, monitors and mitigates the legal, regulatory, financial and operational risks that grow with scale.',
  questions: [
    {
      id: 'risk-register',
      text: 'How systematically do you identify, assess and assign owners to key business risks?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Risks are not tracked', 'A maintained risk register reviewed by the board'],
    },
    {
      id: 'risk-regulatory-readiness',
      text: 'How confident are you that you meet the regulatory requirements of every market you operate in or plan to enter?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Not confident', 'Fully confident, with expert advice'],
    },
    {
      id: 'risk-data-protection',
      text: 'How mature is your compliance with data protection and privacy obligations?',
      help: 'For example GDPR or CCPA: records of processing, data processing agreements and breach procedures.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Largely unaddressed', 'Documented and regularly audited'],
    },
    {
      id: 'risk-business-continuity',
      text: 'How prepared are you to keep operating through a major disruption such as a system outage or loss of a key site?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['No plan', 'Tested continuity and recovery plans'],
    },
    {
      id: 'risk-governance',
      text: 'Which best describes your board and governance arrangements?',
      type: 'choice',
      required: true,
      options: [
        { value: 'founders-only', label: 'Founders make all decisions with no formal board', score: 0 },
        { value: 'informal-board', label: 'A board exists but meets irregularly', score: 33 },
        {
          value: 'regular-board',
          label: 'A board meets regularly with board packs and minutes',
          score: 67,
        },
        {
          value: 'independent-board',
          label: 'A regular board including independent members and committees such as audit',
          score: 100,
        },
      ],
    },
    {
      id: 'risk-insurance-coverage',
      text: 'How well does your insurance cover the risks of a larger business, such as cyber, professional liability and directors’ liability?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Minimal cover', 'Reviewed annually against our risk profile'],
    },
  ],
};
