import type { CheckAnswers } from '@countersign/approach-checker';
import type { CreateReportRequest, ReportStatus } from '@countersign/contracts/approaches';

/**
 * Approaches reported by Demo Ltd staff over the last three weeks, and what the security team has
 * done with them so far. The seed files them through the real report and triage services, so the
 * checker rates them and numbering, history, audit trail and notifications are all real; only the
 * times are moved into the past afterwards.
 *
 * None comes from Sam Whitaker (the printed employee login): the browser tests report as Sam and
 * expect his own list to hold only what they create.
 */

/** Something an officer did, `afterHours` after the report came in. */
export type DemoTriageStep = { afterHours: number; by: OfficerKey } & (
  | { do: 'assign' }
  | { do: 'status'; status: Exclude<ReportStatus, 'new'>; outcome?: string }
  | { do: 'note'; body: string }
);

/** `priya`: the printed officer login; `rhys`: the other security officer. */
export type OfficerKey = 'priya' | 'rhys';

export interface DemoApproach {
  /** The reporter, by name (see demo-people.ts). */
  reporter: string;
  /** When the report was made: this many days ago, at this time of day (UTC, `HH:MM`). */
  daysAgo: number;
  time: string;
  /** How many days before the report the approach happened. */
  occurredDaysBefore: number;
  report: Omit<CreateReportRequest, 'idempotencyKey' | 'occurredOn' | 'checkAnswers'> & {
    checkAnswers: CheckAnswers;
  };
  triage: DemoTriageStep[];
}

export const HOUR = 3600 * 1000;

/**
 * When a story's report was made, in epoch milliseconds: `daysAgo` days before `today` (a UTC
 * midnight) at its time of day.
 */
export function reportedAt(story: Pick<DemoApproach, 'daysAgo' | 'time'>, today: number): number {
  const [hours = 0, minutes = 0] = story.time.split(':').map(Number);
  return today - story.daysAgo * 24 * HOUR + (hours * 60 + minutes) * 60 * 1000;
}

/** One fake consultancy, reported twice: the triage view links the two reports. */
const HARBOURLINE = {
  name: 'Daniel Whitcombe',
  profile: 'https://www.linkedin.example/in/harbourline-daniel',
};

export const DEMO_APPROACHES: DemoApproach[] = [
  {
    reporter: 'Grace Okafor',
    daysAgo: 20,
    time: '13:05',
    occurredDaysBefore: 1,
    report: {
      platform: 'LinkedIn',
      profileUrl: HARBOURLINE.profile,
      nameUsed: HARBOURLINE.name,
      offered: '£750 for each short "perspective note" on trends in maritime systems integration.',
      replied: true,
      messageText:
        'Hello Grace, I came across your profile while looking for experts in maritime systems integration and ' +
        'I was genuinely impressed: your background is exactly the kind our investors look for. Harbourline ' +
        'Advisory connects senior practitioners with investors who value an independent view. We pay £750 for ' +
        'each perspective note of two or three pages, nothing confidential of course. It is easier to carry on ' +
        'over WhatsApp if that suits you: +44 7700 900418.',
      checkAnswers: {
        'contact-origin': 'unsolicited',
        'claimed-role': 'consultancy',
        offer: ['paid-work'],
        tone: 'flattering',
        'money-travel': ['generous-pay'],
        'off-platform': 'suggested',
        secrecy: 'no',
        'work-questions': ['career-only'],
        profile: ['few-connections', 'company-unverifiable'],
      },
    },
    triage: [
      { afterHours: 1.5, by: 'priya', do: 'assign' },
      { afterHours: 1.5, by: 'priya', do: 'status', status: 'in-review' },
      {
        afterHours: 2.5,
        by: 'priya',
        do: 'note',
        body:
          'Profile created six weeks ago, 38 connections, nearly all in naval engineering. No company ' +
          'register entry for Harbourline Advisory. Grace replied once to ask about the firm; I have asked her ' +
          'not to reply again and to keep the thread.',
      },
      {
        afterHours: 123,
        by: 'priya',
        do: 'note',
        body:
          'A second engineer has now reported the same profile (see linked reports), and the questions have ' +
          'moved on to our programme schedule. Reported the profile to the platform and passed both reports ' +
          'to our government security contact.',
      },
      { afterHours: 123, by: 'priya', do: 'status', status: 'escalated' },
    ],
  },
  {
    reporter: 'Hamza Khan',
    daysAgo: 19,
    time: '11:20',
    occurredDaysBefore: 0,
    report: {
      platform: 'LinkedIn',
      profileUrl: 'https://www.linkedin.example/in/rachel-osei-talent',
      nameUsed: 'Rachel Osei',
      offered: 'A permanent systems engineer job in Bristol.',
      replied: false,
      messageText:
        'Hi Hamza, I look after engineering vacancies in the South West for Osei Talent Partners. One of our ' +
        'clients, a civil infrastructure firm in Bristol, has a permanent systems engineer vacancy and your ' +
        'experience looks like a good fit. The salary is £58,000 to £64,000 plus the usual benefits. I can send ' +
        'the full job description here if you are interested, and no worries if the timing is wrong. ' +
        'Kind regards, Rachel',
      checkAnswers: {
        'contact-origin': 'unsolicited',
        'claimed-role': 'recruiter',
        offer: ['job'],
        tone: 'businesslike',
        'money-travel': ['payment'],
        'off-platform': 'no',
        secrecy: 'no',
        'work-questions': ['career-only'],
        profile: ['looks-normal'],
        pressure: ['none'],
        'own-profile': 'no',
      },
    },
    triage: [
      { afterHours: 22, by: 'rhys', do: 'assign' },
      { afterHours: 22, by: 'rhys', do: 'status', status: 'in-review' },
      {
        afterHours: 23,
        by: 'rhys',
        do: 'note',
        body:
          'Osei Talent Partners has been registered since 2014 and lists 40 staff; Rachel has over 2,000 ' +
          'connections and years of history. A genuine recruiter.',
      },
      {
        afterHours: 24,
        by: 'rhys',
        do: 'status',
        status: 'closed',
        outcome:
          'Thank you for checking, Hamza. Osei Talent Partners is a genuine recruitment agency and Rachel is a ' +
          'real recruiter. You are free to reply if the job interests you: talk about your experience in ' +
          'general terms, never about programme work, and tell us if the questions change.',
      },
    ],
  },
  {
    reporter: 'Tomasz Nowak',
    daysAgo: 17,
    time: '15:10',
    occurredDaysBefore: 1,
    report: {
      platform: 'Email',
      nameUsed: 'Helen Zhou, Forum Secretariat',
      offered:
        'A keynote at an "International Forum on Advanced Composites" abroad: business-class flights, five ' +
        "nights' hotel and a US$5,000 honorarium.",
      replied: false,
      messageText:
        'Dear Dr Nowak, on behalf of the organising committee it is our great honour to invite you to give a ' +
        'keynote at the International Forum on Advanced Composites in Shenzhen this autumn. Your pioneering ' +
        'work on thermoplastic composites is admired by everyone on our committee. We will cover business-class ' +
        'flights, five nights at a five-star hotel and an honorarium of US$5,000. So that we can prepare the ' +
        "programme, could you send a short summary of your team's latest test results and the timeline for " +
        'your next qualification trials?',
      checkAnswers: {
        'contact-origin': 'unsolicited',
        'claimed-role': 'academic',
        offer: ['speaking', 'travel', 'gifts-money'],
        tone: 'flattering',
        'money-travel': ['generous-pay', 'expenses-paid', 'meeting-abroad'],
        'off-platform': 'no',
        secrecy: 'no',
        'work-questions': ['technical'],
        profile: ['company-unverifiable'],
      },
    },
    triage: [
      { afterHours: 2, by: 'priya', do: 'assign' },
      { afterHours: 2, by: 'priya', do: 'status', status: 'in-review' },
      {
        afterHours: 2.5,
        by: 'priya',
        do: 'note',
        body:
          "The forum's website was registered three months ago and its list of past speakers is copied from " +
          'a genuine conference. Tomasz has not replied. Blocked the sender domain at the mail gateway.',
      },
      {
        afterHours: 26,
        by: 'priya',
        do: 'status',
        status: 'closed',
        outcome:
          'Thank you, Tomasz. We could not verify this forum, and asking for test results and trial timelines ' +
          'is a clear warning sign. Please do not reply or travel; we have blocked the sender. If they contact ' +
          'you again, forward the message to the security team.',
      },
    ],
  },
  {
    reporter: "Niamh O'Neill",
    daysAgo: 15,
    time: '12:15',
    occurredDaysBefore: 0,
    report: {
      platform: 'LinkedIn',
      // Written differently from Grace's report, and still the same profile.
      profileUrl: 'https://linkedin.example/in/Harbourline-Daniel/?trk=people-guest',
      nameUsed: HARBOURLINE.name,
      offered:
        'Paid "perspective notes", then a trip abroad to meet his investor clients, all expenses paid.',
      replied: false,
      messageText:
        'Niamh, thanks for connecting. Your integration work is exactly the perspective our investor clients ' +
        'are missing, and I do not say that lightly. We pay £750 for a short note, and the clients would be ' +
        'delighted to fly you out to meet them in Hong Kong, all expenses covered. To get started, could you ' +
        'outline where the integration schedule on your current programme stands and which suppliers are ' +
        'involved? Best to keep this discreet for now. Could we move to Signal?',
      checkAnswers: {
        'contact-origin': 'unsolicited',
        'claimed-role': 'consultancy',
        offer: ['paid-work', 'travel'],
        tone: 'flattering',
        'money-travel': ['generous-pay', 'expenses-paid', 'meeting-abroad'],
        'off-platform': 'pressed',
        secrecy: 'hinted',
        'work-questions': ['projects', 'technical'],
        profile: ['few-connections', 'new-account', 'company-unverifiable'],
      },
    },
    triage: [
      { afterHours: 2, by: 'priya', do: 'assign' },
      { afterHours: 2, by: 'priya', do: 'status', status: 'in-review' },
      {
        afterHours: 3,
        by: 'priya',
        do: 'note',
        body:
          "Same profile as Grace Okafor's report last week. Niamh has not replied and has kept screenshots. " +
          'Waiting to hear whether anyone else in Systems Engineering was contacted.',
      },
    ],
  },
  {
    reporter: 'Callum Fraser',
    daysAgo: 13,
    time: '14:30',
    occurredDaysBefore: 2,
    report: {
      platform: 'LinkedIn',
      profileUrl: 'https://www.linkedin.example/in/miriam-kessler-policy',
      nameUsed: 'Dr Miriam Kessler',
      offered: '£2,500 for a white paper on defence procurement for the "Meridian Futures Institute".',
      replied: false,
      messageText:
        'Dear Callum, I am a senior fellow at the Meridian Futures Institute, a policy think tank. We are ' +
        'preparing a series of white papers on defence procurement and would value a practitioner view. The ' +
        'fee would be £2,500 for around 4,000 words. Would you be open to a short call to discuss?',
      checkAnswers: {
        'contact-origin': 'unsolicited',
        'claimed-role': 'consultancy',
        offer: ['paid-work'],
        tone: 'businesslike',
        'money-travel': ['payment'],
        'off-platform': 'no',
        secrecy: 'no',
        'work-questions': ['career-only'],
        profile: ['looks-normal'],
      },
    },
    triage: [
      { afterHours: 2, by: 'priya', do: 'assign' },
      { afterHours: 2, by: 'priya', do: 'status', status: 'in-review' },
      {
        afterHours: 3,
        by: 'priya',
        do: 'note',
        body:
          'The institute exists but was set up last year and publishes little. Asked Callum for the rest of ' +
          'the thread before deciding.',
      },
    ],
  },
  {
    reporter: 'Owen Griffiths',
    daysAgo: 11,
    time: '10:05',
    occurredDaysBefore: 3,
    report: {
      platform: 'Messaging app',
      nameUsed: 'Marcus Lane',
      offered: 'Well-paid freelance "advice" on cost models, paid into a personal account.',
      replied: true,
      messageText:
        'Good to talk on here rather than LinkedIn, Owen. As I said, people with your experience are rare and ' +
        'my client pays generously for a few hours of advice on how programme costs are modelled. I gather ' +
        'things have been tight since the house move, so this could really help. It is best kept between us ' +
        'for now, your employer would not understand. Which programmes does your team cost at the moment?',
      checkAnswers: {
        'contact-origin': 'unsolicited',
        'claimed-role': 'recruiter',
        offer: ['paid-work', 'gifts-money'],
        tone: 'flattering',
        'money-travel': ['generous-pay'],
        'off-platform': 'pressed',
        secrecy: 'asked',
        'work-questions': ['projects'],
        profile: ['vague-history'],
        pressure: ['money-worries'],
      },
    },
    triage: [
      { afterHours: 1, by: 'priya', do: 'assign' },
      { afterHours: 1, by: 'priya', do: 'status', status: 'in-review' },
      {
        afterHours: 2,
        by: 'priya',
        do: 'note',
        body:
          'Spoke to Owen: he shared nothing about our programmes and has stopped replying. The contact knew ' +
          'about his house move from a public post. Pointed him to the employee assistance programme.',
      },
    ],
  },
  {
    reporter: 'Aisha Rahman',
    daysAgo: 9,
    time: '16:40',
    occurredDaysBefore: 4,
    report: {
      platform: 'Other professional network',
      profileUrl: 'https://www.researchnet.example/profile/j-thornton',
      nameUsed: 'Prof. James Thornton',
      offered: 'A paid review of her unpublished sensor data, and co-authorship of a paper.',
      replied: false,
      messageText:
        'Dear Dr Rahman, I have followed your publications for some time and your recent work on sensor fusion ' +
        'is quite brilliant. My group would be delighted to pay for an independent review of your unpublished ' +
        'data, with co-authorship on the resulting paper. Could you share the raw results from your latest ' +
        'field trials?',
      checkAnswers: {
        'contact-origin': 'unsolicited',
        'claimed-role': 'academic',
        offer: ['paid-work'],
        tone: 'flattering',
        'off-platform': 'no',
        secrecy: 'no',
        profile: ['looks-normal'],
      },
    },
    triage: [],
  },
  {
    reporter: 'Zara Ahmed',
    daysAgo: 7,
    time: '11:25',
    occurredDaysBefore: 0,
    report: {
      platform: 'LinkedIn',
      profileUrl: 'https://www.linkedin.example/in/tom-barker-search',
      nameUsed: 'Tom Barker',
      offered: 'A finder’s fee for introductions to engineers.',
      replied: false,
      messageText:
        'Hi Zara, I run a small executive search firm. We are building a shortlist for a confidential ' +
        'assignment and would pay a finder’s fee for introductions. Could you tell me which of your engineers ' +
        'hold security clearance, and who leads the radar work?',
      checkAnswers: {
        'contact-origin': 'unsolicited',
        'claimed-role': 'recruiter',
        offer: ['job'],
        tone: 'businesslike',
        'off-platform': 'no',
        secrecy: 'no',
        'work-questions': ['colleagues', 'clearance'],
        profile: ['looks-normal'],
      },
    },
    triage: [
      { afterHours: 4, by: 'rhys', do: 'assign' },
      { afterHours: 4, by: 'rhys', do: 'status', status: 'in-review' },
      {
        afterHours: 28,
        by: 'rhys',
        do: 'status',
        status: 'closed',
        outcome:
          'Thank you, Zara. The firm is real, but asking who holds clearance is not acceptable and we have told ' +
          'them so. You need do nothing more. Never share staff lists or clearance details outside Demo Ltd.',
      },
    ],
  },
  {
    reporter: 'Arjun Sharma',
    daysAgo: 5,
    time: '12:50',
    occurredDaysBefore: 1,
    report: {
      platform: 'LinkedIn',
      profileUrl: 'https://www.linkedin.example/in/sophie-lang-novaris',
      nameUsed: 'Sophie Lang',
      offered: 'A remote "Head of Technology" job at about twice his salary.',
      replied: false,
      messageText:
        'Hello Arjun, I hope you do not mind me reaching out. Novaris Dynamics is growing fast and we are ' +
        'hiring a remote Head of Technology on a salary of around £140,000, with a generous signing bonus. Are ' +
        'you open to a conversation this week?',
      checkAnswers: {
        'contact-origin': 'unsolicited',
        'claimed-role': 'recruiter',
        offer: ['job'],
        tone: 'businesslike',
        'money-travel': ['generous-pay'],
        'off-platform': 'no',
        secrecy: 'no',
        'work-questions': ['nothing'],
        profile: ['new-account', 'stock-photo'],
      },
    },
    triage: [],
  },
  {
    reporter: 'Kwame Mensah',
    daysAgo: 3,
    time: '15:35',
    occurredDaysBefore: 0,
    report: {
      platform: 'LinkedIn',
      profileUrl: 'https://www.linkedin.example/in/victor-hale-cleared-talent',
      nameUsed: 'Victor Hale',
      offered: 'Contract roles "for cleared engineers only", at top rates.',
      replied: false,
      messageText:
        'Kwame, I saw on your profile that you hold SC clearance, which makes you exactly the kind of ' +
        'exceptional engineer my clients fight over. Before I put you forward, what does your clearance give ' +
        'you access to day to day, and which projects are you on? Drop me a line on my personal email and we ' +
        'can talk rates.',
      checkAnswers: {
        'contact-origin': 'unsolicited',
        'claimed-role': 'recruiter',
        offer: ['job'],
        tone: 'flattering',
        'off-platform': 'suggested',
        secrecy: 'no',
        'work-questions': ['clearance', 'projects'],
        profile: ['few-connections'],
        'own-profile': 'clearance',
      },
    },
    triage: [],
  },
  {
    reporter: 'Freya Lewis',
    daysAgo: 2,
    time: '14:10',
    occurredDaysBefore: 1,
    report: {
      platform: 'Email',
      nameUsed: 'Engineering Society, University of Leeds',
      offered: 'An unpaid careers talk to engineering students on campus.',
      replied: false,
      messageText:
        'Dear Freya, your former colleague Dr Patel suggested we get in touch. Our student engineering society ' +
        'runs a careers evening in March and we would love someone to talk for twenty minutes about working in ' +
        'research. We cannot offer a fee, but there will be pizza.',
      checkAnswers: {
        'contact-origin': 'mutual-contact',
        'claimed-role': 'academic',
        offer: ['speaking'],
        tone: 'businesslike',
        'money-travel': ['none'],
        'off-platform': 'no',
        secrecy: 'no',
        'work-questions': ['career-only'],
        profile: ['looks-normal'],
      },
    },
    triage: [],
  },
  {
    reporter: 'Leila Haddad',
    daysAgo: 1,
    time: '11:45',
    occurredDaysBefore: 0,
    report: {
      platform: 'Phone',
      nameUsed: 'Mr Grant, "from the Ministry"',
      offered: 'Nothing; he wanted to confirm who works on her programme.',
      replied: true,
      messageText:
        'Call to my work mobile from a withheld number. He said he was updating records for the ministry and ' +
        'needed the names of everyone on the programme team and their clearance levels. He would not give a ' +
        'call-back number.',
      checkAnswers: {
        'contact-origin': 'unsolicited',
        'claimed-role': 'government',
        offer: ['nothing-yet'],
        tone: 'businesslike',
        'off-platform': 'no',
        secrecy: 'no',
        'work-questions': ['colleagues', 'clearance'],
      },
    },
    triage: [],
  },
];
