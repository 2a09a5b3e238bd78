/** The 12 domain names in the order ARCHITECTURE.md gives them: an oracle kept apart from the catalogue. */
export const DOMAIN_NAMES = [
  'Strategic Alignment & Vision',
  'Financial Management & Capital Efficiency',
  'Revenue Engine & Growth',
  'Operational Excellence & Process Management',
  'People & Organizational Development',
  'Technology & Data Infrastructure',
  'Customer Experience & Product Development',
  'Supply Chain & Vendor Management',
  'Risk Management & Compliance',
  'External Partnerships & Ecosystem',
  'Customer Success & Retention',
  'Change Management & Implementation',
];
