import type { ProfileCardArtefact } from '@countersign/scenario-engine';
import { BUILT_IN_RETRY_POLICY, type BuiltInModule, paragraphs } from './types.js';

/*
 * Module 4 — "What your profile tells them".
 *
 * The learner is Sam Ellison, a principal systems engineer at the fictional Marlbrook Defence
 * Engineering whose own networking profile advertises a clearance, a named programme, a sensitive
 * role, schedule-revealing posts and a public connection list. Prompted by a security bulletin,
 * the learner audits the profile item by item, then deals with a former head of department (retired,
 * advertising his old clearance to win consultancy) and with a tailored approach that quotes the
 * profile back. "What they saw" artefacts show the hostile researcher's notes: a reconstruction
 * for training, shown beside the messages the learner receives. All names, firms, programmes and
 * addresses are invented (".example" domains).
 *
 * Graph (columns left to right):
 *   security-bulletin → headline-and-about → posts-and-activity → connections-and-contact
 *        │                                                            │
 *        ├──────────────────────────────────────────────→ former-colleague → the-message
 *        └────────────────────────────────────────────────────────────────→ the-message
 *   the-message → graham-replies | the-call;  graham-replies → the-call
 *   endings: reported-early (safe), reported-late (safe, partial), compromised,
 *            left-exposed (compromised)
 */

const LEARNER = 'Sam Ellison';
const FORMER_HEAD = 'Graham Fenwick';
const CONSULTANT = 'Oliver Brandt';

const learnerProfile: ProfileCardArtefact = {
  kind: 'profile',
  name: LEARNER,
  headline:
    'Principal Systems Engineer at Marlbrook Defence Engineering | DV cleared | Combat system integration lead, Project TARNWATCH',
  company: 'Marlbrook Defence Engineering',
  location: 'Bristol, United Kingdom',
  connections: 842,
  accountAgeMonths: 150,
  about:
    'Principal systems engineer with fourteen years in naval combat systems. I lead combat system integration on ' +
    'Project TARNWATCH, the next-generation submarine programme, bringing together sonar, weapons-handling and ' +
    'command systems from six suppliers and working closely with our international partners. DV cleared. Always ' +
    'happy to talk systems engineering, and open to consultancy and advisory opportunities.',
  history: [
    {
      role: 'Principal Systems Engineer, Combat System Integration Lead (Project TARNWATCH)',
      organisation: 'Marlbrook Defence Engineering',
      period: '2019 – present',
    },
    {
      role: 'Senior Systems Engineer, Sonar and Weapons Interfaces',
      organisation: 'Marlbrook Defence Engineering',
      period: '2014 – 2019',
    },
    { role: 'Graduate Engineer', organisation: 'Marlbrook Defence Engineering', period: '2011 – 2014' },
  ],
  activity: [
    'So proud of the team: we hit a major TARNWATCH integration milestone this week, months ahead of sea trials!',
    'Off to the shore integration facility for two weeks of testing. No phone signal there, so see you all on the other side!',
    'Congratulations to Tom Adeyemi on his promotion to lead the TARNWATCH trials team. Well deserved!',
    "Shared a photo: 'The integration team in the lab after a long week' (whiteboards visible in the background)",
  ],
};

const formerHeadProfile: ProfileCardArtefact = {
  kind: 'profile',
  name: FORMER_HEAD,
  headline:
    'Independent Defence Consultant | Former Head of Combat Systems, Marlbrook Defence Engineering | DV (lapsed) | TARNWATCH',
  company: 'Fenwick Systems Consulting',
  location: 'Bath, United Kingdom',
  connections: 1240,
  accountAgeMonths: 160,
  about:
    'After thirty years in naval combat systems, eight of them as Head of Combat Systems at Marlbrook, where I led ' +
    'the early architecture work on TARNWATCH, I now offer independent advice on combat system integration, ' +
    'programme recovery and bid strategy. Previously DV cleared. Available for consultancy, advisory boards and ' +
    'expert-witness work, at home and abroad.',
  history: [
    { role: 'Independent Consultant', organisation: 'Fenwick Systems Consulting', period: '2024 – present' },
    { role: 'Head of Combat Systems', organisation: 'Marlbrook Defence Engineering', period: '2016 – 2024' },
    {
      role: 'Chief Engineer, Submarine Combat Systems',
      organisation: 'Marlbrook Defence Engineering',
      period: '2005 – 2016',
    },
  ],
  activity: [
    'Delighted to have delivered two market-insight reports for a new client this spring. Consultancy life suits me!',
  ],
};

const consultantProfile: ProfileCardArtefact = {
  kind: 'profile',
  name: CONSULTANT,
  headline: 'Partner, Greyhaven Maritime Advisory | Naval programmes | Strategy and capability',
  company: 'Greyhaven Maritime Advisory',
  location: 'London, United Kingdom',
  connections: 214,
  accountAgeMonths: 11,
  about:
    'Greyhaven helps governments and industry build naval capability. Discreet, senior advice for complex programmes.',
  history: [
    { role: 'Partner', organisation: 'Greyhaven Maritime Advisory', period: '2024 – present' },
    { role: 'Director', organisation: 'Strategy consultancy', period: '2015 – 2024' },
  ],
  activity: ["Reposted an article: 'Ten lessons from the world's most complex submarine programmes'"],
};

export const whatYourProfileTellsThem: BuiltInModule = {
  slug: 'what-your-profile-tells-them',
  track: 'think-before-you-link',
  order: 4,
  title: 'What your profile tells them',
  summary:
    'Audit your own networking profile, line by line, then see how a hostile researcher would have read it, and what they would do with it.',
  estimatedMinutes: 16,
  content: {
    scenario: {
      start: 'security-bulletin',
      steps: [
        {
          id: 'security-bulletin',
          title: 'Ten minutes',
          narrative: paragraphs(
            "In this module you are Sam Ellison, a principal systems engineer in Marlbrook Defence Engineering's Naval " +
              'Systems division. On Monday morning an email from the security team arrives in every inbox on your ' +
              'programme.',
            'You open your own profile and look at it properly for the first time in years.',
          ),
          artefacts: [
            {
              kind: 'email',
              from: 'Marlbrook Security Team <security@marlbrook-defence.example>',
              to: 'All staff, Naval Systems division',
              subject: 'Ten minutes that make you harder to target',
              sentAt: 'Mon 09:00',
              body: paragraphs(
                'Over the last quarter, several people in the division have reported approaches made through ' +
                  'professional networking sites. In almost every case, the approach quoted details the person had ' +
                  'published about themselves.',
                'Please take ten minutes this week to look at your own profile as a stranger would. Ask of each line: ' +
                  'would I be comfortable with a hostile intelligence service reading this? Because they do.',
                'In particular: do not list your security clearance; do not name sensitive programmes, customers or ' +
                  'sites; think twice about posts that reveal schedules, test campaigns or travel; and check who can see ' +
                  'your connections and contact details.',
                'If you have received an approach that used your profile, please tell us.',
                'Marlbrook Security Team',
              ),
            },
            learnerProfile,
          ],
          choices: [
            {
              id: 'audit-now',
              label: 'Go through your profile now, line by line, reading it as a stranger would',
              next: 'headline-and-about',
              feedback:
                'Good. Your profile is the first thing a hostile researcher reads, and because you put everything on ' +
                'it, you can also take it down.',
              redFlags: ['clearance-advertised'],
              points: 3,
            },
            {
              id: 'lock-it-down',
              label: 'Switch the whole profile to connections only, and leave the content as it is',
              next: 'former-colleague',
              feedback:
                'Limiting visibility helps, but your 842 connections include many people you have never met, and one ' +
                'accepted request gets around it. What the profile says matters more than who can see it.',
              redFlags: ['clearance-advertised'],
              points: 1,
            },
            {
              id: 'nothing-secret',
              label: 'Leave it: nothing on it is classified, and most of it could be found elsewhere anyway',
              next: 'the-message',
              feedback:
                "'Not classified' is the wrong test. Gathered in one place under your name, your clearance, programme, " +
                'role, schedule and colleagues tell someone exactly whom to target and how to approach them.',
              redFlags: ['clearance-advertised'],
              points: 0,
            },
          ],
          position: { x: 0, y: 160 },
        },
        {
          id: 'headline-and-about',
          title: 'The headline and About section',
          narrative: paragraphs(
            'You start at the top: the headline and the About section. These are the parts that appear in every search ' +
              'result and every preview of a message you send.',
            "Your headline reads: 'Principal Systems Engineer at Marlbrook Defence Engineering | DV cleared | Combat " +
              "system integration lead, Project TARNWATCH'. Your About section repeats the clearance, names the " +
              "programme, mentions six suppliers and international partners, and ends with 'open to consultancy and " +
              "advisory opportunities'.",
          ),
          choices: [
            {
              id: 'generalise',
              label:
                "Remove the clearance and the programme, describe your work in general terms ('systems engineer, naval defence'), and drop the consultancy line",
              next: 'posts-and-activity',
              feedback:
                'Right. Your skills still come across, but a search for cleared staff on a named programme no longer ' +
                'finds you, and you are no longer advertising that you are open to paid outside work.',
              redFlags: ['clearance-advertised'],
              points: 3,
            },
            {
              id: 'keep-programme',
              label:
                "Remove 'DV cleared', but keep the programme name: TARNWATCH has been in the trade press",
              next: 'posts-and-activity',
              feedback:
                'Better, but the press names the programme, not the people on it. Your profile links a named person to ' +
                'a key role on it, which is the hardest part of the puzzle for an outsider to solve.',
              redFlags: ['clearance-advertised'],
              points: 1,
            },
            {
              id: 'keep-clearance',
              label: "Keep the clearance: recruiters search for it, and having one isn't a secret",
              next: 'posts-and-activity',
              feedback:
                'Recruiters search for it, and so do hostile services: a clearance in your headline is a label saying ' +
                'you have access worth having. A genuine recruiter can ask about clearance once you are talking.',
              redFlags: ['clearance-advertised'],
              points: 0,
            },
          ],
          position: { x: 300, y: 0 },
        },
        {
          id: 'posts-and-activity',
          title: 'Your posts',
          narrative: paragraphs(
            'Next, your activity. Four recent posts are visible to anyone who opens your profile:',
            "• 'So proud of the team: we hit a major TARNWATCH integration milestone this week, months ahead of sea " +
              "trials!'\n" +
              "• 'Off to the shore integration facility for two weeks of testing. No phone signal there, so see you all " +
              "on the other side!'\n" +
              "• 'Congratulations to Tom Adeyemi on his promotion to lead the TARNWATCH trials team.'\n" +
              '• A team photograph in the integration lab, with whiteboards in the background.',
          ),
          choices: [
            {
              id: 'remove-sensitive',
              label:
                'Delete the milestone post, the facility post and the lab photo, and stop posting about programme progress, testing or travel',
              next: 'connections-and-contact',
              feedback:
                'Good. Together those posts told a stranger where TARNWATCH stands against its schedule, where and when ' +
                'it is tested, and what the lab looks like. Celebrate milestones with the team internally.',
              redFlags: ['clearance-advertised', 'sensitive-topic-drift'],
              points: 3,
            },
            {
              id: 'photo-only',
              label:
                'Delete the lab photo, in case something on the whiteboards is readable, but keep the rest',
              next: 'connections-and-contact',
              feedback:
                'Good catch on the photo: whiteboards and screens behind team photos are a well-known leak. But the ' +
                'milestone and the facility trip reveal the programme schedule and your movements, which matter just ' +
                'as much.',
              redFlags: ['clearance-advertised'],
              points: 1,
            },
            {
              id: 'keep-posts',
              label:
                "Keep them: the team was proud of that milestone, and there's nothing technical in any of it",
              next: 'connections-and-contact',
              feedback:
                'Nothing technical, but plenty of intelligence: a schedule, a test site, when you are away and out of ' +
                'contact, and who has just taken over the trials team. A researcher does not need your designs, only ' +
                'your map.',
              redFlags: ['clearance-advertised', 'sensitive-topic-drift'],
              points: 0,
            },
          ],
          position: { x: 600, y: 0 },
        },
        {
          id: 'connections-and-contact',
          title: 'Who can see what',
          narrative: paragraphs(
            'Last, the settings. Your connection list is visible to everyone: 842 people, including 57 current ' +
              'Marlbrook staff, most of the TARNWATCH team and your former head of department.',
            'Your contact information shows your personal email address and your mobile number, and your profile can ' +
              'be viewed by anyone, whether or not they are signed in.',
          ),
          choices: [
            {
              id: 'restrict',
              label:
                'Hide your connection list, limit your profile to signed-in members, and remove your personal email and mobile number',
              next: 'former-colleague',
              feedback:
                'Right. A public connection list is a ready-made map of your team and a source of trusted names to ' +
                "drop into an approach, and personal contact details are a route around your employer's protections.",
              redFlags: ['clearance-advertised', 'move-off-platform'],
              points: 3,
            },
            {
              id: 'mobile-only',
              label:
                'Remove your mobile number, but keep your personal email and your connections visible: people need a way to reach you',
              next: 'former-colleague',
              feedback:
                'A step in the right direction. But a personal email address is exactly where an approach goes when it ' +
                'wants to avoid your work systems, and the connection list is still a map of your team.',
              redFlags: ['move-off-platform', 'clearance-advertised'],
              points: 1,
            },
            {
              id: 'keep-visible',
              label: 'Leave your connections visible: a big network looks good to recruiters and clients',
              next: 'former-colleague',
              feedback:
                'It also shows a hostile researcher who works with you, who leads what and who has recently left: the ' +
                'next targets, and the best names to use as introductions.',
              redFlags: ['clearance-advertised', 'unsolicited-approach'],
              points: 0,
            },
          ],
          position: { x: 900, y: 0 },
        },
        {
          id: 'former-colleague',
          title: 'A favour for an old boss',
          narrative: paragraphs(
            'That evening a message arrives from Graham Fenwick, your former head of department. He retired from ' +
              'Marlbrook last year and now works as an independent consultant. You look at his profile first.',
          ),
          artefacts: [
            formerHeadProfile,
            {
              kind: 'thread',
              platform: 'LinkedIn',
              participants: [FORMER_HEAD, 'You'],
              messages: [
                {
                  from: FORMER_HEAD,
                  at: 'Mon 19:22',
                  body:
                    'Sam! Hope all is well in the TARNWATCH madhouse. Quick favour: I am building up the consultancy and ' +
                    'a recommendation from you would really help. Could you mention the integration architecture we did ' +
                    'together on TARNWATCH, and that I ran the combat systems side? Clients love specifics. Cheers, Graham',
                },
              ],
            },
          ],
          choices: [
            {
              id: 'general-and-advise',
              label:
                'Write a warm recommendation about his leadership and judgement, with no programme detail, and suggest he takes his clearance and TARNWATCH off his profile',
              next: 'the-message',
              feedback:
                'Well judged. You have helped a former colleague without adding to the public record, and pointed out ' +
                'that his own profile now makes him, and the people he worked with, easier to target.',
              redFlags: ['clearance-advertised'],
              points: 3,
            },
            {
              id: 'no-reply',
              label: "Don't reply: it's awkward, and his profile is his own business",
              next: 'the-message',
              feedback:
                'Keeping programme detail out of the public record is right, but silence misses the chance to help. ' +
                'Graham is exactly the kind of former colleague hostile services look for, and a friendly word might ' +
                'protect him.',
              redFlags: ['clearance-advertised'],
              points: 1,
            },
            {
              id: 'write-as-asked',
              label: "Write it as he asks: he's earned it, and now he's retired the old rules hardly apply",
              next: 'the-message',
              feedback:
                'The duty to protect classified information does not end when someone leaves. People who leave with ' +
                'high clearance are especially exposed: they advertise their history to win work, usually with no ' +
                'security team behind them, and a recommendation naming the programme adds to that picture.',
              redFlags: ['clearance-advertised'],
              points: 0,
            },
          ],
          position: { x: 1200, y: 160 },
        },
        {
          id: 'the-message',
          title: 'A message that knows you',
          narrative: paragraphs(
            'A fortnight later, a message arrives from someone you do not know.',
            'Beside it, this module shows you something you would never see in real life: the note a hostile ' +
              "service's researcher could have written about you three months ago, from your public profile as it was " +
              'then. It is a reconstruction for training, but every line in it comes from something you published. ' +
              'Tidying your profile today does not delete a copy taken before.',
          ),
          artefacts: [
            {
              kind: 'thread',
              platform: 'LinkedIn',
              participants: [CONSULTANT, 'You'],
              messages: [
                {
                  from: CONSULTANT,
                  at: 'Tue 08:14',
                  body:
                    'Hello Sam. Graham Fenwick suggested I get in touch; he speaks very highly of you. Congratulations, ' +
                    'by the way, on the TARNWATCH integration milestone. Months ahead of sea trials is quite something.',
                },
                {
                  from: CONSULTANT,
                  at: 'Tue 08:15',
                  body:
                    'I am a partner at Greyhaven Maritime Advisory. We are helping an overseas client set up a submarine ' +
                    "programme of its own, and they would value a paid 'lessons learned' session on combat system " +
                    'integration with someone who has really done it: two hours, general principles only, £2,500. I know ' +
                    'you are often tied up at the integration facility, so I am happy to fit around you, or we could ' +
                    'meet at a naval trade show abroad in the spring, where the client will be. Travel on us, of course. ' +
                    'Best, Oliver',
                },
              ],
            },
            consultantProfile,
            {
              kind: 'email',
              from: 'Research desk',
              to: 'Case officer',
              subject: 'What they saw: target note on ELLISON, Sam (Marlbrook Defence Engineering)',
              sentAt: 'Three months ago',
              body: paragraphs(
                'Source: public networking profile, viewed without signing in. Full copy taken and kept.',
                "ACCESS. Headline states 'DV cleared', the highest level of UK vetting: confirms current access to " +
                  "classified material. A search for 'DV cleared' with 'combat system' returned 31 Marlbrook staff; " +
                  'this subject ranks first on seniority and role.\n' +
                  "PROGRAMME. 'Combat system integration lead, Project TARNWATCH'. Sits where sonar, weapons and " +
                  'command systems meet, with sight of all six suppliers and the international partners. Priority.\n' +
                  "SCHEDULE. Post: 'major integration milestone... months ahead of sea trials'. Programme is ahead of " +
                  'its published timeline. Use as the opener: congratulate.\n' +
                  "MOVEMENTS. Post: 'two weeks at the shore integration facility, no phone signal'. Gives the test " +
                  'site and the timing of campaigns; subject cannot be reached during them.\n' +
                  'IMAGERY. Team photograph in the lab; whiteboards partly legible. Passed to the technical team.\n' +
                  'NETWORK. Connection list public (842). Mapped 57 Marlbrook staff. ADEYEMI, Tom: newly promoted ' +
                  "trials lead, per subject's own post; secondary target. FENWICK, Graham: former head of department, " +
                  'retired; see separate note.\n' +
                  'CONTACT. Personal email and mobile listed: usable for follow-up outside work systems.\n' +
                  "MOTIVATION. 'Open to consultancy and advisory opportunities': receptive to paid outside work.",
                'RECOMMENDATION. Approach through FENWICK as introducer (already delivering paid reports to our ' +
                  "GREYHAVEN cover). Offer a 'lessons learned' session; keep the fee modest so as not to alarm. Aim: " +
                  'a meeting overseas within three months.',
              ),
            },
          ],
          choices: [
            {
              id: 'report',
              label:
                "Don't reply. Report the message, Oliver's profile and the use of Graham's name to the security team",
              next: 'reported-early',
              feedback:
                "Right. A stranger quoting your own posts back to you, borrowing a trusted name, offering paid 'lessons " +
                "learned' on your programme and suggesting a meeting abroad is a textbook tailored approach, and " +
                'security will want to know about Graham too.',
              redFlags: ['unsolicited-approach', 'paid-reports', 'travel-abroad', 'profile-anomalies'],
              points: 3,
            },
            {
              id: 'ask-graham',
              label: 'Ask Graham first whether he really knows Oliver, before you bother anyone',
              next: 'graham-replies',
              feedback:
                'Checking a claimed connection is sensible, but checking through the person named may simply confirm ' +
                'the cover story and can alert the other side. Security can make checks without tipping anyone off.',
              redFlags: ['unsolicited-approach', 'unverifiable-company'],
              points: 1,
            },
            {
              id: 'reply',
              label: "Reply that you'd be happy to talk: general principles are fine, and the fee is modest",
              next: 'the-call',
              feedback:
                "The modest fee is deliberate: it is pitched not to alarm you. 'General principles' of integration from " +
                "the person leading it on TARNWATCH are exactly what the 'client' wants, and abroad is where they want to " +
                'hear them.',
              redFlags: ['paid-reports', 'travel-abroad', 'unsolicited-approach'],
              points: 0,
            },
          ],
          position: { x: 1500, y: 160 },
        },
        {
          id: 'graham-replies',
          title: "Graham's answer",
          narrative: paragraphs(
            'Graham replies within minutes.',
            'Beside his message is the separate note the same researcher could have kept on him: again a ' +
              'reconstruction, built only from what he has published and what he has done.',
          ),
          artefacts: [
            {
              kind: 'thread',
              platform: 'LinkedIn',
              participants: [FORMER_HEAD, 'You'],
              messages: [
                {
                  from: FORMER_HEAD,
                  at: 'Tue 12:40',
                  body:
                    'Oliver? Yes, good chap. Greyhaven have paid me for a couple of market-insight pieces this year, very ' +
                    'generously too. He asked if I could introduce him to someone current on TARNWATCH and I thought of ' +
                    "you. Hope that's all right! I haven't mentioned it to anyone at Marlbrook; I'm retired, so it's no " +
                    'business of theirs now.',
                },
              ],
            },
            {
              kind: 'thread',
              platform: 'What they saw: internal notes',
              participants: ['Research desk', 'Case officer'],
              messages: [
                {
                  from: 'Research desk',
                  at: 'Five months ago',
                  body:
                    'FENWICK, Graham. Retired last year as head of combat systems at Marlbrook. Profile advertises his ' +
                    "former clearance, early TARNWATCH architecture work and availability for consultancy 'at home and " +
                    "abroad'. Over 1,200 connections, list public, including most of the TARNWATCH leadership. No longer " +
                    "covered by an employer's security team. Recommend: approach as a GREYHAVEN client; paid market " +
                    'reports; low sensitivity at first.',
                },
                {
                  from: 'Case officer',
                  at: 'Three months ago',
                  body:
                    'Agreed and running. Two reports delivered, both of low value, but he is comfortable with the ' +
                    'arrangement and has not declared it. Use him to introduce us to current staff. Do not raise the ' +
                    'sensitivity with him yet.',
                },
              ],
            },
          ],
          choices: [
            {
              id: 'report-both',
              label:
                "Report Oliver's approach to security, tell them about Graham's paid reports too, and let Graham know you think he should talk to them",
              next: 'reported-early',
              feedback:
                'The right thing, and the kind thing. Graham is being used as an introducer and probably does not know ' +
                'it; security can help him, and will want to know whom else he has been asked to introduce.',
              redFlags: ['paid-reports', 'unsolicited-approach', 'clearance-advertised'],
              points: 3,
            },
            {
              id: 'report-own',
              label:
                "Report Oliver's approach, but leave Graham out of it: he's retired, and it's his own affair",
              next: 'reported-early',
              feedback:
                'Reporting your own approach is right, but the most useful fact you have is how it reached you. Leaving ' +
                'Graham out protects nobody, least of all him.',
              redFlags: ['paid-reports', 'unsolicited-approach'],
              points: 1,
            },
            {
              id: 'go-ahead',
              label: 'Graham vouches for him, so reply to Oliver and arrange the session',
              next: 'the-call',
              feedback:
                "Graham's word tells you that Oliver pays, not who he is. A recommendation from a former colleague who " +
                'has been cultivated is precisely the trust this approach was built to borrow.',
              redFlags: ['unsolicited-approach', 'paid-reports'],
              points: 0,
            },
          ],
          position: { x: 1800, y: 320 },
        },
        {
          id: 'the-call',
          title: 'General principles',
          narrative: paragraphs(
            "Oliver sets up a video call. He is well informed and easy to talk to, and the 'general principles' soon " +
              'become specific: which suppliers are causing the most integration trouble, whether the sonar and ' +
              'weapons interfaces have been tested together at the facility yet, and when sea trials will start. You ' +
              'answer some of it loosely and steer away from the rest.',
            'The next morning an email arrives at your personal address.',
          ),
          artefacts: [
            {
              kind: 'email',
              from: 'Oliver Brandt <oliver.brandt@greyhaven-maritime.example>',
              to: 'Your personal email address',
              subject: 'Thank you, and a next step',
              sentAt: 'Fri 07:52',
              body: paragraphs(
                'Thank you, Sam. The client found our conversation extremely useful, and the fee will reach your account ' +
                  'this week.',
                'They would now like a short written note (four or five pages) on the integration lessons, with ' +
                  'examples, for £6,000, and they would very much like to meet you at the trade show in the spring. ' +
                  'Flights and hotel on us.',
                'No need to trouble Marlbrook with any of this: it is private consultancy.',
                'Best,\nOliver',
              ),
            },
          ],
          choices: [
            {
              id: 'stop-and-report',
              label:
                'Write nothing. Tell security everything: your old profile, the approach, Graham, the call and what you said',
              next: 'reported-late',
              feedback:
                'Right, and urgent. The call drifted from principles to suppliers, test status and trial dates, and the ' +
                'next steps are a paid written note, travel abroad and secrecy from your employer.',
              redFlags: ['sensitive-topic-drift', 'paid-reports', 'travel-abroad', 'secrecy-request'],
              points: 2,
            },
            {
              id: 'write-note',
              label: "Write the note, keeping to lessons you'd happily share at a conference",
              next: 'compromised',
              feedback:
                'Lessons from the integration lead of a named programme, written for a paying overseas client and kept ' +
                'from your employer, are not conference material. The note is the first written disclosure; the trip ' +
                'is where the next request will be made.',
              redFlags: ['paid-reports', 'sensitive-topic-drift', 'secrecy-request', 'travel-abroad'],
              points: 0,
            },
            {
              id: 'block-quietly',
              label: 'Decline, block Oliver, tidy up your profile, and consider it a lesson learned',
              next: 'left-exposed',
              feedback:
                'Ending it is right, but they already have your old profile, your answers on the call and your personal ' +
                'email, and Graham is still working for them. Without a report, none of that is dealt with.',
              redFlags: ['sensitive-topic-drift', 'paid-reports'],
              points: 0,
            },
          ],
          position: { x: 2100, y: 160 },
        },
        {
          id: 'reported-early',
          title: 'Reported, and harder to find',
          narrative:
            "You send security the message, Oliver's profile and a note of how the approach reached you.",
          ending: {
            outcome: 'safe',
            debrief: paragraphs(
              'What happened: security thanked you and asked you not to reply. Greyhaven turned out to have no ' +
                "verifiable staff or clients, and the platform removed Oliver's profile. Security also spoke to Graham, " +
                "who had been paid for two 'market reports' and asked to introduce three current TARNWATCH staff; with " +
                'his help they warned all three. They also went through your profile with you: once the clearance, ' +
                'the programme and the posts had gone, a search for cleared TARNWATCH staff no longer found you.',
              'Why it matters: hostile services research before they approach. A profile that names your clearance, ' +
                'programme, role, schedule, movements, colleagues and openness to paid work does that research for ' +
                'them, and lets them write an approach that feels personal. What you remove today may already have been ' +
                'copied, which is why reporting tailored approaches still matters after you have tidied up.',
              'Red flags present: your own advertised clearance, programme and role; posts revealing the schedule, the ' +
                'test site and your movements; a public connection list and personal contact details; an unsolicited ' +
                "approach borrowing a trusted name; paid 'lessons learned' on your programme; and an invitation to meet " +
                "abroad. Graham's profile showed why former staff with high clearance are especially exposed.",
              'What to do: keep clearance, programme names, customers, sites and schedules off your profile; hide your ' +
                'connection list and personal contact details; and report any approach that quotes your profile back ' +
                'to you. If former colleagues advertise their clearance to win work, suggest they take it down, and tell ' +
                'security if you think one is being used.',
            ),
          },
          position: { x: 2400, y: 0 },
        },
        {
          id: 'reported-late',
          title: 'Reported after the call',
          narrative:
            "You stop all contact and tell the security team everything: your profile as it was, the approach, Graham's " +
            'part, the call and what you said on it.',
          ending: {
            outcome: 'safe',
            debrief: paragraphs(
              'What happened: security assessed what you had said on the call. Some of it, about supplier problems and ' +
                'the timing of sea trials, was sensitive, and the programme was briefed accordingly. Because you came ' +
                'forward before writing anything or travelling, there was nothing to hold over you. Security also spoke ' +
                "to Graham, and the platform removed Oliver's profile.",
              'Why it matters: the approach worked because it felt personal. It quoted your own posts, used a name you ' +
                "trusted and offered exactly the kind of work your profile said you wanted. Then the 'general " +
                "principles' call turned into specific questions about your programme: the usual pattern of elicitation.",
              'Red flags present: your own advertised clearance, programme, schedule and movements; a public connection ' +
                "list; an unsolicited approach borrowing a former colleague's name; paid work on your programme; " +
                'questions drifting towards suppliers, testing and trial dates; an invitation abroad; and encouragement ' +
                'to keep it from your employer.',
              'What to do: tidy your profile so that it no longer advertises your access, and report as soon as an ' +
                'approach uses what you have published. Never decide it is too late: telling security exactly what you ' +
                'said is what lets them limit the damage.',
            ),
          },
          position: { x: 2400, y: 160 },
        },
        {
          id: 'compromised',
          title: 'Lessons learned',
          narrative:
            "You write the note, keeping to lessons you would 'happily share at a conference'. The £6,000 arrives within " +
            'days, and so do flight details for the spring.',
          ending: {
            outcome: 'compromised',
            debrief: paragraphs(
              'What happened: the note named suppliers, described integration problems and hinted at the sea-trials ' +
                'schedule. None of it felt secret as you wrote it, but together with the call it gave a foreign service ' +
                'a useful picture of TARNWATCH, and an undeclared, paid relationship with its integration lead. At the ' +
                "trade show the 'client' asked for more, and mentioned the fees already paid. Graham, meanwhile, had " +
                'introduced Oliver to two more of your colleagues.',
              'Why it happened: your profile told them whom to approach, what to offer and which names to use. A ' +
                'trusted introducer, a congratulation that quoted your own post and a modest fee made it feel ordinary, ' +
                'and each step made the next easier.',
              'Red flags present: your own advertised clearance, programme, schedule and movements; a public connection ' +
                "list and personal contact details; an approach borrowing a former colleague's name; paid work on your " +
                'programme; questions drifting towards suppliers, testing and trial dates; travel abroad paid by the ' +
                'other side; and encouragement to keep it from your employer.',
              'What to do: stop now, keep every message and payment record, and tell your security team everything, ' +
                'including what you wrote. Coming forward is what protects you and the programme; every further ' +
                'document makes it worse.',
            ),
          },
          position: { x: 2400, y: 320 },
        },
        {
          id: 'left-exposed',
          title: 'Blocked, but still on file',
          narrative:
            'You decline, block Oliver and tidy up your profile. You do not mention any of it to anyone.',
          ending: {
            outcome: 'compromised',
            debrief: paragraphs(
              "What happened: the researcher's file on you was already complete, and tidying your profile did not " +
                'delete their copy. Three months later Tom Adeyemi, your newly promoted trials lead, received an almost ' +
                'identical message congratulating him on his promotion and mentioning your name. Graham went on writing ' +
                'reports for Greyhaven. Security heard about none of it until much later.',
              'Why it matters: blocking ends a conversation, not a campaign. The approach to you was one of several ' +
                'built from the same public profiles, and only a report would have let security connect them, warn ' +
                'your colleagues and help Graham.',
              'Red flags present: your own advertised clearance, programme, schedule and movements; a public connection ' +
                "list and personal contact details; an approach borrowing a former colleague's name; paid work on your " +
                'programme; questions drifting towards suppliers, testing and trial dates; and an invitation abroad.',
              'What to do: tidy your profile, and report as well. Tell security what you said, who introduced the ' +
                'contact and whom else they mentioned. Keep the messages rather than deleting them.',
            ),
          },
          position: { x: 2400, y: 480 },
        },
      ],
    },
    quiz: {
      passMark: 80,
      shuffle: true,
      retryPolicy: BUILT_IN_RETRY_POLICY,
      questions: [
        {
          id: 'what-to-remove',
          kind: 'multiple',
          prompt:
            'You work on a sensitive programme. Which of these should you keep off your public profile? Select all that apply.',
          options: [
            { id: 'clearance', label: 'Your security clearance level', correct: true },
            { id: 'programme-names', label: 'The names of sensitive programmes you work on', correct: true },
            {
              id: 'role-detail',
              label: 'A detailed description of a sensitive role, its suppliers and its customers',
              correct: true,
            },
            {
              id: 'schedule-posts',
              label: 'Posts about programme milestones, test campaigns or trips to test sites',
              correct: true,
            },
            {
              id: 'general-field',
              label: "Your general field, such as 'systems engineering'",
              correct: false,
            },
            { id: 'degree', label: 'Your degree and university', correct: false },
          ],
          explanation:
            'Your general field and education help genuine contacts without telling anyone what you can access. ' +
            'Clearance, programmes, role detail and schedules tell a hostile service whom to target and what to ask.',
          redFlags: ['clearance-advertised'],
        },
        {
          id: 'why-not-clearance',
          kind: 'single',
          prompt:
            "Holding a clearance is not itself secret. Why is it still a problem to put 'DV cleared' in your headline?",
          options: [
            {
              id: 'label-and-search',
              label:
                'It labels you as someone with access worth targeting, and makes you easy to find with a simple search',
              correct: true,
            },
            {
              id: 'illegal',
              label: 'It is a criminal offence to mention your clearance anywhere',
              correct: false,
            },
            {
              id: 'recruiters',
              label: 'It means you will get more messages from recruiters',
              correct: false,
            },
            {
              id: 'classified',
              label: 'Your clearance level is itself classified information',
              correct: false,
            },
          ],
          explanation:
            'A researcher can search for a clearance and a programme and get a ranked list of people to approach. ' +
            'Removing it does not hide your skills; it stops you from advertising your access.',
          redFlags: ['clearance-advertised'],
        },
        {
          id: 'public-connections',
          kind: 'single',
          prompt: 'How does a public connection list help a hostile researcher most?',
          options: [
            {
              id: 'map-and-introducers',
              label:
                'It maps your team and colleagues, showing the next people to target and trusted names to use in an approach',
              correct: true,
            },
            { id: 'proves-genuine', label: 'It proves that you are a genuine person', correct: false },
            { id: 'passwords', label: 'It can be used to work out your passwords', correct: false },
            { id: 'no-help', label: 'It does not help them: connections are not sensitive', correct: false },
          ],
          explanation:
            'In this scenario the researcher mapped 57 Marlbrook staff, picked out a newly promoted trials lead and ' +
            'found a retired head of department to use as an introducer, all from one list.',
          redFlags: ['clearance-advertised', 'unsolicited-approach'],
        },
        {
          id: 'former-staff',
          kind: 'single',
          prompt:
            'Why are former employees who held high clearance especially exposed to hostile approaches?',
          options: [
            {
              id: 'advertise-for-work',
              label:
                'They often advertise their history and former clearance to win work, still know a great deal, and no longer have a security team behind them',
              correct: true,
            },
            {
              id: 'knowledge-outdated',
              label: 'They are not exposed: their knowledge is out of date and of no interest',
              correct: false,
            },
            {
              id: 'obligations-end',
              label: 'Because their duty to protect classified information ends when they leave',
              correct: false,
            },
            {
              id: 'cannot-be-contacted',
              label: 'They are less exposed, because retired people are rarely on networking sites',
              correct: false,
            },
          ],
          explanation:
            'Their obligations continue after they leave, but their protection often does not. A profile built to win ' +
            'consultancy can read like an invitation, and, like Graham, they can be used to reach former colleagues.',
          redFlags: ['clearance-advertised', 'paid-reports'],
        },
        {
          id: 'already-copied',
          kind: 'single',
          prompt:
            'You have just removed your clearance and programme name from your profile. Does that deal with the risk?',
          options: [
            {
              id: 'not-fully',
              label:
                'Not entirely: earlier versions may already have been copied, so stay alert to approaches that use old details, and report them',
              correct: true,
            },
            { id: 'yes', label: 'Yes: once it is removed, nobody can see it', correct: false },
            {
              id: 'only-delete',
              label: 'Only if you also delete your account, which erases all copies',
              correct: false,
            },
            {
              id: 'doesnt-help',
              label: 'No, and there is no point in changing it now that it has been public',
              correct: false,
            },
          ],
          explanation:
            'Tidying your profile stops new harvesting, which is well worth doing, but cannot recall copies already ' +
            'made. An approach that quotes details you have since removed is a strong reason to report.',
          redFlags: ['clearance-advertised', 'unsolicited-approach'],
        },
        {
          id: 'tailored-message',
          kind: 'multiple',
          prompt: "Which features of Oliver Brandt's message were red flags? Select all that apply.",
          options: [
            {
              id: 'borrowed-name',
              label: "It used a former colleague's name to borrow trust",
              correct: true,
            },
            {
              id: 'quoted-posts',
              label: 'It quoted your milestone post and your time at the integration facility',
              correct: true,
            },
            {
              id: 'paid-session',
              label: "It offered payment for 'lessons learned' on your own programme",
              correct: true,
            },
            {
              id: 'meet-abroad',
              label: 'It suggested meeting at a trade show abroad, with travel paid',
              correct: true,
            },
            { id: 'has-photo', label: 'His profile had a photograph', correct: false },
          ],
          explanation:
            'A profile photograph is normal. A stranger who has clearly studied your profile, borrows a trusted name, ' +
            'offers money for knowledge of your programme and wants to meet abroad is running a tailored approach.',
          redFlags: ['unsolicited-approach', 'paid-reports', 'travel-abroad'],
        },
        {
          id: 'recommendation',
          kind: 'single',
          prompt:
            'A retired former manager asks you for a public recommendation that names your programme and its architecture. What is the best response?',
          options: [
            {
              id: 'general-and-advise',
              label:
                'Write a general recommendation with no programme detail, and suggest he removes his former clearance and programme names from his own profile',
              correct: true,
            },
            {
              id: 'as-asked',
              label: 'Write it as asked: he is retired, so it no longer matters',
              correct: false,
            },
            {
              id: 'refuse-and-disconnect',
              label: 'Refuse and remove him from your connections without explanation',
              correct: false,
            },
            {
              id: 'private-detail',
              label: 'Send him the programme detail privately instead, so it is not public',
              correct: false,
            },
          ],
          explanation:
            'You can support a former colleague without adding sensitive detail to the public record, and a friendly ' +
            'word about his own profile may protect him, and you, from being used.',
          redFlags: ['clearance-advertised'],
        },
        {
          id: 'movements-post',
          kind: 'single',
          prompt:
            "What does a post saying 'Off to the test facility for two weeks, no phone signal there!' tell a hostile researcher?",
          options: [
            {
              id: 'pattern-of-life',
              label: 'Where and when the programme is tested, and when you are away and hard to reach',
              correct: true,
            },
            {
              id: 'nothing',
              label: 'Nothing useful: there is no technical information in it',
              correct: false,
            },
            { id: 'busy', label: 'Only that you are busy at work', correct: false },
          ],
          explanation:
            'Posts about travel and testing reveal movements and schedules. Combined with other posts, they show how a ' +
            'programme is progressing and when its people are out of their usual routine.',
          redFlags: ['clearance-advertised', 'sensitive-topic-drift'],
        },
      ],
    },
  },
};
