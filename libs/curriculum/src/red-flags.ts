/**
 * The shared red-flag catalogue. Scenarios, quizzes and the approach checker all cite these
 * keys, so keys are stable: add new flags at the end, never rename or reuse a key.
 *
 * `weight` (1..5) says how strongly a flag on its own points to a hostile approach rather than an
 * ordinary, clumsy or over-eager one. The approach checker combines weights into a low / medium /
 * high rating; no single low-weight flag should be enough to raise the alarm, while any one of
 * the 5s should.
 */

export const RED_FLAG_KEYS = [
  'unsolicited-approach',
  'unverifiable-company',
  'flattery',
  'too-good-to-be-true',
  'paid-reports',
  'travel-abroad',
  'move-off-platform',
  'secrecy-request',
  'sensitive-topic-drift',
  'profile-anomalies',
  'clearance-advertised',
  'financial-pressure',
  'compromise-or-threat',
] as const;

export type RedFlagKey = (typeof RED_FLAG_KEYS)[number];

export interface RedFlag {
  key: RedFlagKey;
  title: string;
  /** One paragraph for learners: what the flag looks like and why it matters. */
  explanation: string;
  /** 1..5: how strongly this flag indicates a hostile approach (used by the rules engine). */
  weight: number;
  /** One sentence: what to do when you see it. */
  advice: string;
}

export const redFlags: readonly RedFlag[] = Object.freeze([
  {
    key: 'unsolicited-approach',
    title: 'Unsolicited approach',
    explanation:
      'Someone you have never met, and cannot check, contacts you out of the blue about your work, a job or a business opportunity. ' +
      'Most unsolicited messages are harmless, which is exactly why hostile services use them: a cold approach costs nothing, can be ' +
      'sent to hundreds of people at once, and only has to work once. On its own it proves little, but it is the moment to start ' +
      'paying attention to everything else about the contact.',
    weight: 1,
    advice:
      'Treat contact from anyone you cannot verify with healthy caution, and check who they are before you share anything.',
  },
  {
    key: 'unverifiable-company',
    title: 'Company you cannot verify',
    explanation:
      'The recruiter, consultancy or "think tank" behind the approach has little or no independent footprint: a recently registered ' +
      'company, a website built from a template and stock photographs, a virtual-office address, no published work, and no staff you ' +
      'can find who have real, checkable careers. Genuine firms leave traces in company registers, the trade press and the histories ' +
      'of people who have worked there. A front company is built to survive a glance, not a proper look.',
    weight: 3,
    advice:
      'Check the company in official registers and independent sources, never through links or contacts the approacher provides.',
  },
  {
    key: 'flattery',
    title: 'Flattery out of proportion',
    explanation:
      'Praise that is far warmer than the relationship justifies: you are "exactly" what the client needs, your work is "highly ' +
      'regarded", only you can help. Flattery lowers your guard, makes refusing feel rude, and encourages you to demonstrate how much ' +
      'you know. Genuine recruiters are polite, but they rarely build a pitch around how uniquely brilliant you are.',
    weight: 2,
    advice:
      'When the praise is doing more work than the facts, slow down and ask what the person actually wants from you.',
  },
  {
    key: 'too-good-to-be-true',
    title: 'Too good to be true',
    explanation:
      'A salary, fee or package well above the market rate for very little work, with few questions asked about your suitability. ' +
      'Generous terms are the bait: they make you want the opportunity to be real, so you explain away the other warning signs. ' +
      'Legitimate employers and clients pay market rates and want to test what they are buying.',
    weight: 3,
    advice:
      'Compare the offer with what the work is really worth; if it is far above that, ask why, and tell your security team.',
  },
  {
    key: 'paid-reports',
    title: 'Money for "reports"',
    explanation:
      'Payment for "reports", "white papers", "market insight" or "consultancy" on subjects close to your sensitive work. The first ' +
      'commission is often genuinely harmless and paid promptly, to build trust and a habit. Later requests edge closer to your ' +
      'programme, and the payments already accepted become a lever: you have taken money, probably without telling your employer.',
    weight: 4,
    advice:
      "Do no paid work connected with your job until it has been declared through your employer's process and cleared by security.",
  },
  {
    key: 'travel-abroad',
    title: 'Paid travel or meetings abroad',
    explanation:
      'An offer to pay for flights, hotels, conference fees or expenses so that you meet the contact or their "client" overseas. ' +
      'Abroad, you are away from your support network and on ground the other side controls: conversations can be steered, ' +
      'hospitality can be used to lower your guard, and compromising situations can be arranged and recorded.',
    weight: 4,
    advice:
      'Never accept paid travel or an overseas meeting from a contact you met online without first talking to your security team.',
  },
  {
    key: 'move-off-platform',
    title: 'Pressure to move off the platform',
    explanation:
      'A request to continue the conversation on a private messaging app, a personal email address or a phone number, often with a ' +
      'plausible reason such as convenience or "confidentiality". Moving off the platform removes the network\'s own fake-account ' +
      'protections, separates the conversation from your work accounts, and makes it easier to keep the relationship hidden.',
    weight: 3,
    advice:
      'Keep contact on the original platform or your work channels, and tell security if someone pushes you to move.',
  },
  {
    key: 'secrecy-request',
    title: 'Asked to keep it secret',
    explanation:
      'You are asked, or gently encouraged, not to tell your employer, manager or security team: the client is "discreet", HR would ' +
      '"only slow things down", or it is "easier to keep this between us". A legitimate opportunity can survive your employer knowing ' +
      'about it. A request for secrecy is one of the clearest signs that the contact needs you isolated.',
    weight: 5,
    advice: 'Any request to hide a contact from your employer is a reason to report it straight away.',
  },
  {
    key: 'sensitive-topic-drift',
    title: 'Questions drifting towards sensitive work',
    explanation:
      'Conversation that starts with your career or the market in general and gradually edges towards restricted detail: programme ' +
      "names, customers, timelines, test results, supplier problems, colleagues' roles. Each question seems small and reasonable on " +
      'its own, which is the point of elicitation; the pattern is what gives it away.',
    weight: 5,
    advice:
      'Stop when questions move towards anything you would not put in a public presentation, and report the conversation.',
  },
  {
    key: 'profile-anomalies',
    title: 'Profile anomalies',
    explanation:
      'Signs that a profile was built rather than lived in: a recently created account, few connections or connections concentrated ' +
      'in one sector, a photo that looks like a stock image or is suspiciously flawless, a vague career history with no checkable ' +
      'employers, no endorsements from real colleagues, and activity that is mostly reshared generic content. Any one of these can be ' +
      'innocent; several together suggest a persona.',
    weight: 3,
    advice:
      'Look at the whole profile before you connect, and report profiles that show several anomalies together.',
  },
  {
    key: 'clearance-advertised',
    title: 'Clearance or sensitive role advertised',
    explanation:
      'This flag is about your own profile, not theirs. Publicly listing your security clearance, the names of sensitive programmes ' +
      'or the details of a sensitive role tells a hostile service exactly who to approach and what to ask about. It is especially ' +
      'common among people leaving sensitive posts who advertise their history to win private-sector work.',
    weight: 2,
    advice:
      'Remove clearance levels and sensitive programme or role details from your public profiles, and limit who can see the rest.',
  },
  {
    key: 'financial-pressure',
    title: 'Exploiting money worries',
    explanation:
      'The approach targets, or later discovers, a financial weak point: debt, a rising mortgage, a business in trouble, a large ' +
      'unexpected bill. Offers of money are then framed as a solution, an advance or a "retainer". People under financial strain are ' +
      'more likely to overlook warning signs and less likely to walk away once they have come to rely on the payments.',
    weight: 3,
    advice:
      "If money worries are weighing on you, talk to your employer's support services early, and be extra wary of anyone offering a way out.",
  },
  {
    key: 'compromise-or-threat',
    title: 'Compromise, threats or blackmail',
    explanation:
      'Hints that something you have done could "come to light", references to payments you have accepted or to embarrassing ' +
      'material, or open threats. This is the point where a cultivated relationship turns into coercion. It can feel as though ' +
      'reporting will only make things worse, but the people applying the pressure depend on you staying silent.',
    weight: 5,
    advice:
      'Stop all contact, keep everything, and report to your security team immediately, whatever you have already done.',
  },
] satisfies RedFlag[]);

const byKey: ReadonlyMap<string, RedFlag> = new Map(redFlags.map((flag) => [flag.key, flag]));

/** Looks a flag up by its key; `undefined` for unknown keys. */
export function redFlagByKey(key: string): RedFlag | undefined {
  return byKey.get(key);
}

/** Type guard for keys coming from stored content or user input. */
export function isRedFlagKey(key: string): key is RedFlagKey {
  return byKey.has(key);
}
