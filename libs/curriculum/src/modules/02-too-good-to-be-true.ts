import type { ProfileCardArtefact } from '@countersign/scenario-engine';
import { BUILT_IN_RETRY_POLICY, type BuiltInModule, paragraphs } from './types.js';

/*
 * Module 2 — "Too good to be true".
 *
 * The learner, a lead propulsion engineer at the fictional Marlbrook Defence Engineering, is
 * flattered after a public conference talk and offered well-paid "perspective notes" by a
 * consultancy persona. The first commission is harmless and paid promptly; later ones drift
 * towards the programme, money worries are exploited, secrecy is urged and, finally, the
 * payments already made become leverage. All names, firms and addresses are invented.
 *
 * Graph (columns left to right):
 *   the-message → due-diligence → the-offer → discretion → first-payment → the-call → the-nudge
 *   endings: reported-at-once, reported-after-offer (safe), late-recovery (safe, partial),
 *            compromised, leverage-kept (compromised)
 */

const CONSULTANT = 'Daniel Whitcombe';
const CONSULTANT_EMAIL = 'Daniel Whitcombe <daniel.whitcombe@harbourline-advisory.example>';

const consultantProfile: ProfileCardArtefact = {
  kind: 'profile',
  name: CONSULTANT,
  headline:
    'Director, Research Partnerships at Harbourline Strategic Advisory | Connecting investors with independent expertise',
  company: 'Harbourline Strategic Advisory',
  location: 'London, United Kingdom',
  connections: 612,
  accountAgeMonths: 14,
  about:
    'Harbourline connects a small number of long-term institutional investors with senior practitioners for short, ' +
    "well-rewarded engagements. All work draws on public-domain knowledge and our experts' own professional judgement.",
  history: [
    {
      role: 'Director, Research Partnerships',
      organisation: 'Harbourline Strategic Advisory',
      period: '2023 – present',
    },
    { role: 'Associate Director', organisation: 'Global advisory firm', period: '2016 – 2023' },
    { role: 'Analyst', organisation: 'Investment research house', period: '2012 – 2016' },
  ],
  activity: [
    "Shared an article: 'Why independent expertise matters to long-term investors'",
    "Commented on a conference post: 'Fascinating panel, great to see UK engineering talent on show.'",
    'Celebrated 1 year at Harbourline Strategic Advisory',
  ],
};

export const tooGoodToBeTrue: BuiltInModule = {
  slug: 'too-good-to-be-true',
  track: 'think-before-you-link',
  order: 2,
  title: 'Too good to be true',
  summary:
    'A flattering consultancy offers generous fees for short "perspective notes". Follow the offer as it turns into paid reports, and choose how to respond.',
  estimatedMinutes: 15,
  content: {
    scenario: {
      start: 'the-message',
      steps: [
        {
          id: 'the-message',
          title: 'After the conference',
          narrative: paragraphs(
            'You are a lead engineer in the Advanced Propulsion group at Marlbrook Defence Engineering. Some of your work is ' +
              "classified and you hold SC clearance, which, you realise later, your LinkedIn headline ('Lead Propulsion " +
              "Engineer | SC cleared') has been announcing for years.",
            'Last month you gave a well-received talk on test-rig instrumentation at a public engineering conference in ' +
              'Birmingham. On Wednesday evening a message arrives from someone who says he was in the audience.',
          ),
          artefacts: [
            consultantProfile,
            {
              kind: 'thread',
              platform: 'LinkedIn',
              participants: [CONSULTANT, 'You'],
              messages: [
                {
                  from: CONSULTANT,
                  at: 'Wed 18:47',
                  body: paragraphs(
                    'Good evening. I had the pleasure of attending your talk in Birmingham, easily the most insightful session ' +
                      'of the day.',
                    'Harbourline connects a small number of long-term investors with genuine experts, and your name came up ' +
                      'more than once when we asked who really understands UK propulsion. Our clients pay well for short, ' +
                      "independent perspective pieces. Nothing to do with your employer's confidential work, purely your own " +
                      'view of the market.',
                    'Would you be open to a quick chat?\nWith best wishes, Daniel',
                  ),
                },
              ],
            },
          ],
          choices: [
            {
              id: 'check-first',
              label:
                "Don't reply yet. Look into Harbourline and Daniel yourself, and check Marlbrook's rules on outside work",
              next: 'due-diligence',
              feedback:
                'Sensible. The message is unsolicited, leans heavily on flattery and is about money for your expertise in the ' +
                'field you work in. It is worth knowing who you are dealing with, and what your employer requires, before ' +
                'you say anything.',
              redFlags: ['unsolicited-approach', 'flattery'],
              points: 3,
            },
            {
              id: 'reply-interested',
              label: "Reply that you'd be happy to hear more. There's no harm in listening",
              next: 'the-offer',
              feedback:
                'Listening feels harmless, but you have signalled interest before checking anything, and the pitch is built ' +
                'around praise and payment for knowledge close to your classified work. Your advertised clearance may be ' +
                'why he picked you.',
              redFlags: ['unsolicited-approach', 'flattery', 'clearance-advertised'],
              points: 1,
            },
            {
              id: 'report-straight',
              label: 'Forward the message to the security team and wait for their advice before replying',
              next: 'reported-at-once',
              feedback:
                "Good call. You don't need to decide for yourself whether this is genuine. Security can check, and an " +
                'unsolicited offer of paid work on your specialism is exactly what they want to hear about.',
              redFlags: ['unsolicited-approach', 'flattery', 'paid-reports'],
              points: 3,
            },
          ],
          position: { x: 0, y: 160 },
        },
        {
          id: 'due-diligence',
          title: 'Doing your homework',
          narrative: paragraphs(
            'You spend half an hour checking, without using any link Daniel sent you. Here is what you find:',
            '• Harbourline is on the company register: incorporated fourteen months ago, with dormant accounts (strange for a ' +
              'firm that says it pays experts well) and a registered office at a virtual-office provider in central London.\n' +
              "• The website is slick, but the 'Our team' page shows three people with first names only. A reverse image " +
              'search finds one of the photos on a stock-image site. The privacy notice still contains the name of a ' +
              'different company, apparently copied across.\n' +
              '• There are no published reports, named clients or press coverage.\n' +
              "• Daniel's 612 connections are almost all in defence, aerospace and government. His earlier employers are " +
              'described, not named.\n' +
              "• Marlbrook's outside-interests policy says any paid work related to your professional expertise must be " +
              'declared and approved before you start, and that approaches from unknown parties about your work should ' +
              'be reported to the security team.',
          ),
          choices: [
            {
              id: 'report',
              label:
                "Report the approach and what you've found to security, and don't reply until they've advised",
              next: 'reported-at-once',
              feedback:
                'Exactly right. A young firm with no trading, borrowed web content and a network aimed at defence is not ' +
                'what a genuine expert network looks like. Your own policy points you to security too.',
              redFlags: ['unverifiable-company', 'profile-anomalies', 'paid-reports'],
              points: 3,
            },
            {
              id: 'seems-legit',
              label:
                "It's a registered company with a professional website, and expert networks are a real industry. Reply",
              next: 'the-offer',
              feedback:
                'Expert networks are real, which is why this cover works. But being registered proves only that someone filled ' +
                'in a form. Dormant accounts, stock photos, copied text and no verifiable staff or clients are what you would ' +
                'expect from a front.',
              redFlags: ['unverifiable-company'],
              points: 0,
            },
            {
              id: 'ask-manager',
              label:
                "Mention it to your line manager, who says it 'sounds fine, as long as nothing classified goes out'. Reply",
              next: 'the-offer',
              feedback:
                "A passing comment from your manager is not the approval your policy requires, and security still hasn't " +
                "seen the approach. 'Nothing classified' is also the wrong test: the risk is the relationship, not just the " +
                'first document.',
              redFlags: ['unverifiable-company', 'paid-reports'],
              points: 1,
            },
          ],
          position: { x: 300, y: 0 },
        },
        {
          id: 'the-offer',
          title: 'The offer',
          narrative: paragraphs(
            'After a short, friendly call in which Daniel praises your talk again, his offer arrives by email.',
            'For comparison, an afternoon of your time at a normal consulting rate would be worth a few hundred pounds.',
          ),
          artefacts: [
            {
              kind: 'email',
              from: CONSULTANT_EMAIL,
              to: 'You',
              subject: 'Perspective note: UK propulsion outlook',
              sentAt: 'Fri 11:02',
              body: paragraphs(
                'Thank you again for your time yesterday. As discussed, we would like to commission a short perspective ' +
                  'note (three or four pages) on the outlook for the UK propulsion sector over the next decade: the main ' +
                  'trends, the likely areas of investment and the skills the sector will need.',
                'The fee is £2,500, payable within 48 hours of delivery. Most of our experts find a note like this takes ' +
                  'an afternoon.',
                'Our clients value discretion, so we ask experts to keep our client relationships confidential. Most of ' +
                  'our experts find it simplest not to involve their employers: the work is entirely personal and uses no ' +
                  'confidential information.',
                'Best wishes,\nDaniel',
              ),
            },
          ],
          choices: [
            {
              id: 'decline-report',
              label:
                'Decline, and report the offer to security: the fee is far out of line and the subject is close to your work',
              next: 'reported-after-offer',
              feedback:
                'Right. Ten times the going rate for an afternoon on your own specialism, with a nudge to keep your employer ' +
                'out of it, is a textbook opening. The first commission is meant to be harmless; the relationship is the ' +
                'point.',
              redFlags: ['too-good-to-be-true', 'paid-reports', 'secrecy-request'],
              points: 3,
            },
            {
              id: 'declare-first',
              label:
                "Reply that you'll need to declare it to Marlbrook before agreeing, and see how he responds",
              next: 'discretion',
              feedback:
                'A good test, and the right instinct: a genuine client can live with a declaration. His reaction will tell ' +
                'you a lot. You could also simply have reported it now.',
              redFlags: ['too-good-to-be-true', 'paid-reports'],
              points: 2,
            },
            {
              id: 'accept-public',
              label: "Accept: you'll use only public sources and your own opinions, so no rules are broken",
              next: 'first-payment',
              feedback:
                'Your policy requires paid work related to your expertise to be declared first, so a rule is broken. More ' +
                'importantly, the first note is not the goal. It creates an undeclared, paid relationship that can be ' +
                'steered towards your programme later.',
              redFlags: ['paid-reports', 'too-good-to-be-true', 'secrecy-request'],
              points: 0,
            },
          ],
          position: { x: 600, y: 160 },
        },
        {
          id: 'discretion',
          title: '"Entirely your call"',
          narrative: 'Daniel replies the same evening.',
          artefacts: [
            {
              kind: 'email',
              from: CONSULTANT_EMAIL,
              to: 'You',
              subject: 'Re: Perspective note: UK propulsion outlook',
              sentAt: 'Fri 19:26',
              body: paragraphs(
                'Completely understand, entirely your call of course.',
                "I'd only say that in our experience large defence firms' approval processes are slow, and tend to say no by " +
                  'default, even to perfectly harmless work. Most of our experts simply treat this as private consultancy done ' +
                  'in their own time.',
                'If it helps, do use your personal email for anything with us, so there is no overlap with work systems. ' +
                  'Shall I pencil you in?',
                'Daniel',
              ),
            },
          ],
          choices: [
            {
              id: 'report',
              label: 'That settles it. Stop, and report the whole exchange to security',
              next: 'reported-after-offer',
              feedback:
                'Correct. He has talked you out of declaring the work and moved you to personal email: two steps that make ' +
                'the relationship invisible to your employer. A genuine client has no reason to care.',
              redFlags: ['secrecy-request', 'move-off-platform', 'paid-reports'],
              points: 3,
            },
            {
              id: 'declare-hr',
              label:
                'Submit an outside-interests declaration describing the work honestly, and let the process decide',
              next: 'reported-after-offer',
              feedback:
                'Declaring is the right instinct, and the declaration will reach security. But tell security directly as ' +
                'well: the push to keep it quiet and move to personal email is the most important part, and a declaration ' +
                'form rarely captures it.',
              redFlags: ['secrecy-request', 'move-off-platform'],
              points: 2,
            },
            {
              id: 'go-ahead',
              label:
                "He has a point: it's your own time and public information. Go ahead without declaring it",
              next: 'first-payment',
              feedback:
                'This is the moment the approach needed: you have agreed to paid work your employer does not know about, ' +
                'on a personal channel. Everything that follows builds on that secret.',
              redFlags: ['secrecy-request', 'move-off-platform', 'paid-reports'],
              points: 0,
            },
          ],
          position: { x: 900, y: 320 },
        },
        {
          id: 'first-payment',
          title: 'Paid, promptly',
          narrative: paragraphs(
            'You spend a Saturday writing the note from public sources and your own views, and send it from your personal ' +
              "email. Daniel replies within hours: the client is 'delighted'. Two days later £2,500 reaches your personal " +
              "account from a payments company you've never heard of, with a reference that doesn't mention Harbourline.",
            'A week later there is another email.',
          ),
          artefacts: [
            {
              kind: 'email',
              from: CONSULTANT_EMAIL,
              to: 'Your personal email address',
              subject: 'A second note',
              sentAt: 'Thu 20:14',
              body: paragraphs(
                'The client was very impressed, and has asked for a second, deeper note. The fee would be £6,000.',
                'They are particularly interested in where the UK programmes stand against their published timelines, which ' +
                  "suppliers are struggling, and some 'colour' on the test campaign you alluded to in Birmingham: what worked " +
                  "and what didn't.",
                'Obviously nothing classified! Your judgement and a few examples would be ideal.',
                'Daniel',
              ),
            },
          ],
          choices: [
            {
              id: 'stop-report',
              label: 'Stop here. Decline the second note and tell security everything, including the payment',
              next: 'late-recovery',
              feedback:
                'The right decision, and a hard one. The brief has moved from market trends to programme timelines, supplier ' +
                'problems and test results, which is your classified world. Coming forward now, payment and all, is far ' +
                'better than carrying on.',
              redFlags: ['sensitive-topic-drift', 'paid-reports', 'too-good-to-be-true'],
              points: 2,
            },
            {
              id: 'vague-note',
              label:
                "Write the second note, but keep it vague: nothing beyond what's 'broadly known' in the industry",
              next: 'the-call',
              feedback:
                "What is 'broadly known' inside Marlbrook is not broadly known outside it, and your judgement, applied to " +
                'the questions they chose, is itself the intelligence. Each note also deepens the secret you are keeping ' +
                'from your employer.',
              redFlags: ['sensitive-topic-drift', 'paid-reports', 'secrecy-request'],
              points: 0,
            },
            {
              id: 'set-boundary',
              label:
                "Tell Daniel you can't discuss programmes or testing, but offer another purely open-source market note",
              next: 'the-call',
              feedback:
                'Drawing a line shows good instinct, but you are still in an undeclared, paid relationship with people who ' +
                'have just shown what they really want. Boundaries set in private tend to be renegotiated in private.',
              redFlags: ['sensitive-topic-drift', 'paid-reports'],
              points: 1,
            },
          ],
          position: { x: 1200, y: 160 },
        },
        {
          id: 'the-call',
          title: 'A friendly call',
          narrative: paragraphs(
            "Daniel suggests a call 'to align on the next piece'. He is easy company, and the conversation wanders to home " +
              'life. You mention, more than you meant to, that your fixed-rate mortgage ends in three months and the new ' +
              'payments will be painful.',
            'He is sympathetic. Before the call ends he makes an offer: an annual retainer of £40,000, paid quarterly in ' +
              "advance, for 'regular perspective on the UK propulsion landscape', and a place at Harbourline's partners' " +
              'forum overseas, all expenses paid. The invitation arrives a few minutes later.',
            "'I'd keep this one just between us,' he adds lightly. 'You've already done work for us that Marlbrook doesn't " +
              "know about. No sense complicating things now.'",
          ),
          artefacts: [
            {
              kind: 'invitation',
              event: "Harbourline Partners' Forum",
              host: 'Harbourline Strategic Advisory',
              location: 'Shanghai',
              dates: 'Four days in October',
              body:
                'An exclusive gathering of our most valued experts and investment partners: closed-door discussions on ' +
                'the future of advanced engineering, followed by a programme of hospitality. Places are strictly by ' +
                'invitation.',
              benefits: [
                'Business-class return flights',
                'Five-star hotel accommodation for four nights',
                '£1,500 speaker honorarium',
                'Private dinners and a leisure programme',
              ],
            },
          ],
          choices: [
            {
              id: 'report-now',
              label:
                'Turn it down, and report everything to security at once: the payment, the notes, the retainer and the remark about Marlbrook',
              next: 'late-recovery',
              feedback:
                'Right. A large retainer pitched at your money worries, paid travel abroad, and a reminder of what you have ' +
                'already hidden: the approach has moved from cultivation to control. Reporting now is what breaks it.',
              redFlags: ['financial-pressure', 'travel-abroad', 'secrecy-request', 'compromise-or-threat'],
              points: 2,
            },
            {
              id: 'accept-retainer',
              label:
                "Accept the retainer. It solves the mortgage problem, and you'll stay careful about what you share",
              next: 'compromised',
              feedback:
                'The retainer is aimed squarely at your financial worry, and once you depend on the payments, every future ' +
                "request becomes harder to refuse. 'Staying careful' is not a plan when the other side decides what to ask.",
              redFlags: ['financial-pressure', 'paid-reports', 'travel-abroad', 'secrecy-request'],
              points: 0,
            },
            {
              id: 'stall',
              label:
                "Say you need time to think, then quietly stop replying. You'd rather nobody ever knew about the payment",
              next: 'the-nudge',
              feedback:
                'Wanting to make it quietly go away is understandable, but silence leaves the other side holding all the ' +
                'cards: your notes, the payment record and the knowledge that you are hiding them.',
              redFlags: ['compromise-or-threat', 'secrecy-request', 'financial-pressure'],
              points: 0,
            },
          ],
          position: { x: 1500, y: 160 },
        },
        {
          id: 'the-nudge',
          title: 'A reminder',
          narrative: 'Two weeks later, an email arrives at your personal address.',
          artefacts: [
            {
              kind: 'email',
              from: CONSULTANT_EMAIL,
              to: 'Your personal email address',
              subject: 'Following up',
              sentAt: 'Mon 07:55',
              body: paragraphs(
                'I hope all is well. I was sorry not to hear back from you.',
                'I am sure you would agree our collaboration so far has been valuable on both sides. The client still has ' +
                  'your notes and the payment records on file, of course, and it would be a shame for any of that to be ' +
                  'misunderstood by people at Marlbrook.',
                "Let's simply get the next piece done and keep things friendly.",
                'D.',
              ),
            },
          ],
          choices: [
            {
              id: 'report',
              label:
                'Report it now: stop all contact, keep every message and payment record, and tell security everything',
              next: 'late-recovery',
              feedback:
                'This is the only way out. The email is a veiled threat, and threats work only while you stay silent. ' +
                'Security teams deal with situations like this and would far rather hear about them now than later.',
              redFlags: ['compromise-or-threat', 'secrecy-request'],
              points: 2,
            },
            {
              id: 'comply',
              label: 'Write one more note to make the problem go away, then end it',
              next: 'compromised',
              feedback:
                'Complying with a threat confirms that the threat works. "One more" becomes the next one, and each note adds ' +
                'to the material held over you.',
              redFlags: ['compromise-or-threat', 'paid-reports', 'sensitive-topic-drift'],
              points: 0,
            },
            {
              id: 'block',
              label: 'Reply firmly that the arrangement is over, block him everywhere, and put it behind you',
              next: 'leverage-kept',
              feedback:
                'Ending contact is right, but blocking does not delete what they hold. Without a report you stay exposed to ' +
                'the next approach, and security cannot protect you or the programme from something they do not know about.',
              redFlags: ['compromise-or-threat', 'secrecy-request'],
              points: 0,
            },
          ],
          position: { x: 1800, y: 160 },
        },
        {
          id: 'reported-at-once',
          title: 'Reported before you replied',
          narrative:
            "You send Daniel's message, his profile and anything you found to the security team, and wait for their advice.",
          ending: {
            outcome: 'safe',
            debrief: paragraphs(
              'What happened: security thanked you and advised you not to reply. Their checks found that Harbourline had no ' +
                'trading history and that at least three other Marlbrook engineers had received almost identical messages ' +
                'after the same conference. The platform removed the profile, and security ran a short briefing for ' +
                'conference speakers.',
              'Why it matters: paid "expert" work is a common route into a cultivation because it feels professional and ' +
                'harmless. Reporting before replying meant there was no relationship, no payment and nothing to exploit. ' +
                'Security also suggested you remove your clearance from your headline, because it tells a hostile service ' +
                'exactly who to approach.',
              'Red flags present: an unsolicited approach; flattery; an offer of money for your expertise near your ' +
                'sensitive work; a company you could not verify; profile anomalies; and your own advertised clearance.',
              'What to do: report unsolicited offers of paid work on your specialism before replying. Never do outside ' +
                'paid work connected with your job until it has been declared and approved, and keep clearance details off ' +
                'public profiles.',
            ),
          },
          position: { x: 300, y: 320 },
        },
        {
          id: 'reported-after-offer',
          title: 'Stopped at the offer',
          narrative:
            'Before any work is done or any money changes hands, the security team has the whole exchange: the message, the ' +
            'offer and the replies.',
          ending: {
            outcome: 'safe',
            debrief: paragraphs(
              'What happened: security contacted you, took copies of the exchange and advised you to stop replying. Harbourline ' +
                'turned out to be a front with no trading history, and similar offers had been made to people at other ' +
                'defence firms. Because you had not accepted any work or money, there was nothing to hold over you.',
              'Why it matters: the first commission was designed to be harmless: market trends, public sources, an ' +
                "afternoon's work. Its real purpose was to create a paid relationship your employer did not know about. Once " +
                'that exists, requests can drift towards your programme and the secret itself becomes leverage.',
              'Red flags present: unsolicited approach; flattery; an offer too good to be true; money for reports near ' +
                'your sensitive work; encouragement not to tell your employer; and pressure to move to personal email.',
              'What to do: if paid work is offered on anything connected with your job, declare it and tell security ' +
                'before agreeing to anything. Any suggestion that you need not tell your employer is a reason to report at ' +
                'once.',
            ),
          },
          position: { x: 1200, y: 0 },
        },
        {
          id: 'late-recovery',
          title: 'Coming forward',
          narrative:
            'You stop all contact and ask to speak to the security team. You tell them everything: the notes, the money, the ' +
            'calls and the emails, and you hand over copies.',
          ending: {
            outcome: 'safe',
            debrief: paragraphs(
              'What happened: it was a difficult conversation, and there were consequences to work through: undeclared paid ' +
                'work is a breach of policy, and the security team had to assess exactly what had been shared. But because ' +
                'you came forward, you were treated as someone who had been targeted, not as a suspect. Security took over ' +
                'all contact with Harbourline, advised you what to do if anyone got in touch again, and made sure the ' +
                'threat of exposure had nothing left to work with.',
              'Why it matters: this kind of approach depends on your silence. The first note was harmless by design; the ' +
                'second moved towards your programme; the retainer and the remark about Marlbrook were meant to make you ' +
                'dependent and afraid to speak. Telling security takes that power away.',
              'Red flags present: unsolicited approach; flattery; an offer too good to be true; money for reports; ' +
                'requests for secrecy; personal email; questions drifting towards programme timelines, suppliers and ' +
                'testing; and, depending on how far it went, exploitation of money worries, paid travel abroad and a veiled ' +
                'threat.',
              'What to do: it is never too late to report. Stop contact, keep everything (messages, payment records, notes) ' +
                "and tell your security team. If money worries are part of the picture, your employer's support services " +
                'can help with those too.',
            ),
          },
          position: { x: 2100, y: 0 },
        },
        {
          id: 'compromised',
          title: 'On the retainer',
          narrative:
            'You keep writing for Harbourline. The payments arrive on time, and the mortgage stops being a worry.',
          ending: {
            outcome: 'compromised',
            debrief: paragraphs(
              'What happened: the requests sharpened month by month: test results, then supplier specifications, then who ' +
                "else on the programme might 'enjoy working with us'. The overseas forum was pressed on you more firmly " +
                'each time. When you finally tried to refuse a request, Daniel reminded you of everything you had written ' +
                'and been paid for. By then you had been passing sensitive information to a foreign intelligence service ' +
                'for months, and were committing serious offences.',
              'Why it happened: each step was small and had a reasonable-sounding explanation: public information, your ' +
                'own opinions, your own time. The flattery made it feel deserved; the money, and then your need for it, made ' +
                'it hard to stop; and the secret made it impossible to ask for help. This pattern has ended careers and ' +
                'led to long prison sentences.',
              'Red flags present: unsolicited approach; flattery; an offer too good to be true; money for reports; requests ' +
                'for secrecy; personal email; questions drifting towards your programme; exploitation of money worries; paid ' +
                'travel abroad; and, finally, compromise and threats.',
              'What to do: at any point, including this one, stop and tell your security team everything. The people ' +
                'applying the pressure depend on your silence, and every note you send makes your position worse, never ' +
                'better.',
            ),
          },
          position: { x: 2100, y: 160 },
        },
        {
          id: 'leverage-kept',
          title: 'Blocked, but not over',
          narrative:
            'You send a short, firm reply, block Daniel on every channel, and try to forget about it.',
          ending: {
            outcome: 'compromised',
            debrief: paragraphs(
              'What happened: for a few months, nothing. Then a different contact, from a different firm, got in touch ' +
                'about your "earlier work with Harbourline" and suggested a meeting. They still held your notes and the ' +
                'payment records, and you were still keeping them from your employer. The leverage had not gone away; it had ' +
                'simply changed hands.',
              'Why it matters: blocking an account ends a conversation, not a relationship. Without a report, security ' +
                'could not assess what had been shared, could not warn colleagues who had received similar offers and could ' +
                'not help you when the pressure returned. Your silence is what gives the material its power.',
              'Red flags present: unsolicited approach; flattery; an offer too good to be true; money for reports; requests ' +
                'for secrecy; personal email; questions drifting towards your programme; exploitation of money worries; paid ' +
                'travel abroad; and a veiled threat of exposure.',
              'What to do: report even after you have ended contact, and especially if you have accepted money or been ' +
                'threatened. Keep every message and payment record. Security teams exist to help people out of exactly this ' +
                'position, and they can do far more when they hear about it early.',
            ),
          },
          position: { x: 2100, y: 320 },
        },
      ],
    },
    quiz: {
      passMark: 80,
      shuffle: true,
      retryPolicy: BUILT_IN_RETRY_POLICY,
      questions: [
        {
          id: 'why-fee-is-a-warning',
          kind: 'single',
          prompt:
            'Harbourline offered £2,500 for a three-page note on market trends that "takes an afternoon". Why is that a warning sign?',
          options: [
            {
              id: 'buying-a-relationship',
              label:
                'It is far above the going rate, so it is probably buying a relationship rather than the note',
              correct: true,
            },
            {
              id: 'too-low',
              label: 'It is too low for someone with your expertise, so it is an insult',
              correct: false,
            },
            { id: 'tax', label: 'Because the payment will not be taxed correctly', correct: false },
            {
              id: 'no-warning',
              label: 'It is not a warning sign: expert networks often pay well',
              correct: false,
            },
          ],
          explanation:
            'Legitimate clients pay roughly what work is worth. A fee many times the market rate for harmless content is an ' +
            'investment in you: it builds trust, a habit and an undeclared arrangement that can be steered later.',
          redFlags: ['too-good-to-be-true', 'paid-reports'],
        },
        {
          id: 'daniel-red-flags',
          kind: 'multiple',
          prompt: "Which of Daniel's requests were red flags? Select all that apply.",
          options: [
            {
              id: 'dont-tell-employer',
              label: 'Suggesting you need not tell your employer about the work',
              correct: true,
            },
            { id: 'personal-email', label: 'Asking you to use your personal email', correct: true },
            {
              id: 'timelines-suppliers-tests',
              label: 'Asking about programme timelines, struggling suppliers and your test campaign',
              correct: true,
            },
            {
              id: 'written-brief',
              label: 'Sending a written brief describing the note he wanted',
              correct: false,
            },
            { id: 'deadline', label: 'Giving you a deadline for delivery', correct: false },
          ],
          explanation:
            'A written brief and a deadline are ordinary features of real work. Encouraging secrecy, moving contact to ' +
            'personal channels and steering towards programme detail are the moves that isolate you and turn a harmless ' +
            'commission into elicitation.',
          redFlags: ['secrecy-request', 'move-off-platform', 'sensitive-topic-drift'],
        },
        {
          id: 'public-first-note',
          kind: 'single',
          prompt:
            'Your first note used only public information and your own opinions. Why does writing it still matter?',
          options: [
            {
              id: 'undeclared-relationship',
              label:
                'It creates an undeclared, paid relationship and a record that can later be used as leverage',
              correct: true,
            },
            {
              id: 'doesnt-matter',
              label: 'It does not matter: public information cannot cause harm',
              correct: false,
            },
            {
              id: 'copyright',
              label: 'Only because the client might republish it without crediting you',
              correct: false,
            },
            {
              id: 'only-if-classified',
              label: 'It would only matter if the note turned out to contain classified material',
              correct: false,
            },
          ],
          explanation:
            'The first commission is usually harmless by design. What it creates (trust, payment, a secret kept from your ' +
            'employer) is the foundation for later requests and, if you resist, for pressure.',
          redFlags: ['paid-reports', 'secrecy-request', 'compromise-or-threat'],
        },
        {
          id: 'before-paid-work',
          kind: 'single',
          prompt:
            'You are offered paid outside work related to your professional expertise. What should you do before agreeing?',
          options: [
            {
              id: 'declare-and-tell-security',
              label:
                "Declare it through your employer's process and tell the security team how the approach was made",
              correct: true,
            },
            {
              id: 'check-unclassified',
              label: 'Make sure the work itself will not involve classified information',
              correct: false,
            },
            { id: 'mention-manager', label: 'Mention it informally to your line manager', correct: false },
            { id: 'nda', label: 'Ask the client to sign a non-disclosure agreement', correct: false },
          ],
          explanation:
            'Checking the content yourself, or a passing word with your manager, is not enough: the risk lies in who you are ' +
            'working for and how the relationship develops. Formal declaration and a report to security let people with the ' +
            'right information check the client.',
          redFlags: ['paid-reports', 'secrecy-request'],
        },
        {
          id: 'veiled-threat',
          kind: 'multiple',
          prompt:
            "Daniel writes that it 'would be a shame' for your notes and payment records to be 'misunderstood by people at Marlbrook'. Which responses are right? Select all that apply.",
          options: [
            {
              id: 'recognise-threat',
              label: 'Recognise it as a veiled threat: the relationship has turned to coercion',
              correct: true,
            },
            {
              id: 'report-anyway',
              label: 'Report it to security straight away, even though you accepted money',
              correct: true,
            },
            { id: 'keep-evidence', label: 'Keep every message and payment record', correct: true },
            { id: 'comply-once', label: 'Send one more note to buy time while you decide', correct: false },
            {
              id: 'delete-evidence',
              label: 'Delete the emails so there is less for anyone to find',
              correct: false,
            },
          ],
          explanation:
            'Threats work only while you stay silent. Complying confirms that they work, and deleting evidence makes your ' +
            'position harder to explain and harder to defend. Security teams would far rather hear about it now.',
          redFlags: ['compromise-or-threat'],
        },
        {
          id: 'money-worries',
          kind: 'single',
          prompt:
            'Soon after you mentioned that your mortgage payments were about to rise, Daniel offered a £40,000 retainer. Why do hostile services look for money worries like this?',
          options: [
            {
              id: 'harder-to-refuse',
              label:
                'Money worries make generous offers harder to refuse and regular payments harder to give up',
              correct: true,
            },
            { id: 'pay-less', label: 'People in debt will accept lower fees', correct: false },
            {
              id: 'more-senior',
              label: 'People with money worries usually hold more senior posts',
              correct: false,
            },
            {
              id: 'coincidence',
              label: 'They do not: the timing of the offer was a coincidence',
              correct: false,
            },
          ],
          explanation:
            'A payment framed as the answer to a money problem creates dependence, and dependence makes every later ' +
            "request harder to refuse. If money worries are weighing on you, talk to your employer's support services " +
            'early, and be especially wary of anyone offering a way out.',
          redFlags: ['financial-pressure', 'paid-reports'],
        },
        {
          id: 'already-paid',
          kind: 'single',
          prompt:
            'You have already accepted one payment for a "report" and are now uneasy about where things are going. What is the best thing to do?',
          options: [
            {
              id: 'report-everything',
              label:
                'Stop, keep all the messages and payment records, and tell security everything, including the payment',
              correct: true,
            },
            { id: 'return-money', label: 'Quietly return the money and stop replying', correct: false },
            {
              id: 'finish-then-stop',
              label: 'Finish the current piece of work so you leave on good terms, then stop',
              correct: false,
            },
            {
              id: 'wait-and-see',
              label: 'Wait to see whether they ask for anything sensitive before deciding',
              correct: false,
            },
          ],
          explanation:
            'Returning the money does not undo what they hold, and waiting lets the relationship deepen. Coming forward, ' +
            'with everything, is what lets security protect you and limit the damage.',
          redFlags: ['paid-reports', 'compromise-or-threat'],
        },
      ],
    },
  },
};
