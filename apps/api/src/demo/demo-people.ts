import type { Role } from '@countersign/contracts/permissions';
import type { SensitivityTier } from '@countersign/contracts/directory';

export const DEMO_ORGANISATION = { name: 'Demo Ltd', slug: 'demo-ltd' };
export const DEMO_DOMAIN = 'demo-ltd.example';

export const DEMO_DEPARTMENTS = [
  'Systems Engineering',
  'Programme Management',
  'Research & Development',
  'Finance',
  'People & Culture',
  'Security',
] as const;

export interface DemoPerson {
  name: string;
  role: Role;
  department: (typeof DEMO_DEPARTMENTS)[number];
  tier: SensitivityTier;
  /** A fixed address for the accounts printed at start-up. */
  email?: string;
}

/** The three accounts printed at start-up, one per role. */
export const DEMO_LOGINS: DemoPerson[] = [
  { name: 'Alex Morgan', role: 'admin', department: 'Security', tier: 'high', email: `admin@${DEMO_DOMAIN}` },
  {
    name: 'Priya Natarajan',
    role: 'officer',
    department: 'Security',
    tier: 'high',
    email: `officer@${DEMO_DOMAIN}`,
  },
  {
    name: 'Sam Whitaker',
    role: 'employee',
    department: 'Systems Engineering',
    tier: 'elevated',
    email: `employee@${DEMO_DOMAIN}`,
  },
];

const FIRST = [
  'Olivia',
  'Hamza',
  'Grace',
  'Tomasz',
  'Aisha',
  'Callum',
  'Mei',
  'Daniel',
  'Zara',
  'Rhys',
  'Niamh',
  'Kwame',
  'Isla',
  'Arjun',
  'Freya',
  'Ewan',
  'Leila',
  'Owen',
  'Sofia',
  'Jack',
  'Amara',
  'Finlay',
  'Hannah',
  'Ravi',
  'Chloe',
  'Marek',
  'Ellie',
  'Yusuf',
  'Ruth',
  'Connor',
  'Bethan',
  'Nikhil',
  'Harriet',
  'Luca',
  'Fatima',
  'George',
  'Iona',
  'Samir',
  'Megan',
  'Tobias',
  'Anya',
  'Patrick',
  'Lowri',
  'Dev',
  'Martha',
  'Kieran',
  'Esme',
];
const LAST = [
  'Hughes',
  'Khan',
  'Okafor',
  'Nowak',
  'Rahman',
  'Fraser',
  'Chen',
  'Evans',
  'Ahmed',
  'Price',
  "O'Neill",
  'Mensah',
  'Campbell',
  'Sharma',
  'Lewis',
  'MacLeod',
  'Haddad',
  'Griffiths',
  'Rossi',
  'Turner',
  'Adeyemi',
  'Stewart',
  'Patel',
  'Iyer',
  'Bennett',
  'Kowalski',
  'Ward',
  'Ali',
  'Cohen',
  'Doyle',
  'Jones',
  'Gupta',
  'Fletcher',
  'Bianchi',
  'Hussain',
  'Palmer',
  'Murray',
  'Aziz',
  'Roberts',
  'Schmidt',
  'Volkova',
  'Byrne',
  'Pritchard',
  'Mistry',
  'Holt',
  'Reid',
  'Clarke',
];

/** About fifty people across the departments and the three roles, always the same. */
export function demoPeople(): DemoPerson[] {
  const people: DemoPerson[] = [...DEMO_LOGINS];
  const weights: (typeof DEMO_DEPARTMENTS)[number][] = [
    'Systems Engineering',
    'Systems Engineering',
    'Systems Engineering',
    'Research & Development',
    'Research & Development',
    'Programme Management',
    'Programme Management',
    'Finance',
    'People & Culture',
    'Security',
  ];
  for (let i = 0; i < FIRST.length; i++) {
    const department = weights[i % weights.length]!;
    const role: Role = department === 'Security' && i % 3 === 0 ? 'officer' : i === 7 ? 'admin' : 'employee';
    const tier: SensitivityTier =
      department === 'Research & Development' || department === 'Systems Engineering'
        ? i % 2
          ? 'high'
          : 'elevated'
        : 'standard';
    people.push({ name: `${FIRST[i]} ${LAST[i]}`, role, department, tier });
  }
  return people;
}

export function emailFor(person: DemoPerson): string {
  if (person.email) return person.email;
  const [first, ...rest] = person.name
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .split(' ');
  return `${first}.${rest.join('')}@${DEMO_DOMAIN}`;
}
