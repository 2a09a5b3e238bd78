import type { DomainDef } from '../catalogue';

export const risk: DomainDef = {
  id: 'risk',
  name: 'Risk Management & Compliance',
  description:
    'How well the company identifies, monitors and mitigates the legal, regulatory, financial and operational risks that grow with scale.',
  readings: {
    critical:
      'Key risks, compliance duties and governance are largely unmanaged. A regulator, a data breach or a major outage could cause serious harm, and investors will ask about this first.',
    developing:
      'Some risks and obligations are addressed, but not systematically or with clear owners. Gaps are likely to surface during due diligence or a first incident.',
    established:
      'Risk and compliance are managed with owners and regular review. Testing continuity plans and strengthening board oversight are the next steps.',
    'scale-ready':
      'Risks are tracked, owned and reviewed by an effective board, and compliance is documented and audited. You are ready for the scrutiny that comes with scale.',
  },
  questions: [
    {
      id: 'risk-register',
      text: 'How systematically do you identify, assess and assign owners to key business risks?',
      recommendation:
        'Create a risk register of your top 15 risks with likelihood, impact, an owner and a mitigation for each; review it monthly in the leadership meeting and quarterly with the board.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Risks are not tracked', 'A maintained risk register reviewed by the board'],
    },
    {
      id: 'risk-regulatory-readiness',
      text: 'How confident are you that you meet the regulatory requirements of every market you operate in or plan to enter?',
      recommendation:
        'Commission a short regulatory review for each current and planned market (licences, sector rules, employment and tax registration) from a specialist adviser, and assign an owner for every gap with a deadline before you expand.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Not confident', 'Fully confident, with expert advice'],
    },
    {
      id: 'risk-data-protection',
      text: 'How mature is your compliance with data protection and privacy obligations?',
      recommendation:
        'Map what personal data you hold, where, and why; appoint a privacy owner; put data processing agreements in place with every processor; and document how you answer access and deletion requests within the legal deadline.',
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
      recommendation:
        'Identify your three most likely disruptions (such as losing your main system, a key site or a key supplier), write a short recovery plan for each with recovery-time targets, and rehearse one of them this half-year.',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['No plan', 'Tested continuity and recovery plans'],
    },
    {
      id: 'risk-governance',
      text: 'Which best describes your board and governance arrangements?',
      recommendation:
        'Move to a regular, minuted board meeting with a standard pack (KPIs, cash, risks, decisions needed), and consider adding an independent non-executive with experience of the next stage of growth.',
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
      recommendation:
        "Have a broker review your cover against your current size and contracts, with particular attention to cyber, professional indemnity and directors' and officers' liability, and put the review on an annual cycle tied to renewal.",
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Minimal cover', 'Reviewed annually against our risk profile'],
    },
  ],
};
