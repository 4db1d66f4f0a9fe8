import type { ProfileCardArtefact } from '@countersign/scenario-engine';
import { BUILT_IN_RETRY_POLICY, type BuiltInModule, paragraphs } from './types.js';

/*
 * Module 6 — "Report it".
 *
 * The learner, a senior software engineer at the fictional Marlbrook Defence Engineering, receives
 * a suspicious recruiter approach and works through how, what and when to report: what to capture
 * before anything else, whether to reply or block, whether it is "worth" reporting (with a security
 * bulletin on the Kevin Mallory case and the approach checker's medium rating), whom to tell, what
 * to put in the report and what to do when the contact writes again. Mallory's case is the one real
 * case in the track and is kept to the facts in the product brief. All other names, firms, numbers
 * and addresses are invented (".example" domains, 07700 900xxx drama-range numbers).
 *
 * Graph (columns left to right):
 *   the-message → capture → is-it-worth-it → whom-to-tell → the-report-form → after-reporting
 *        │           ↑            ├→ the-checker → whom-to-tell | the-second-message
 *        │           │            └→ the-second-message → whom-to-tell
 *        ├→ the-reply → capture | off-platform | blocked-first
 *        └→ blocked-first → whom-to-tell
 *   off-platform → capture
 *   endings: reported-well (safe), nobody-knew, compromised (compromised)
 */

const RECRUITER = 'Helena Voss';
const SECURITY_TEAM = 'Marlbrook Security Team <security@marlbrook-defence.example>';

const recruiterProfile: ProfileCardArtefact = {
  kind: 'profile',
  name: RECRUITER,
  headline:
    'Talent Director at Amberlane Executive Search | Board and advisory appointments | Cyber and secure communications',
  company: 'Amberlane Executive Search',
  location: 'Zurich, Switzerland',
  connections: 96,
  accountAgeMonths: 5,
  about:
    'I place senior technologists on the boards and advisory councils of research institutes and innovative ' +
    'companies worldwide. Confidential conversations always welcome.',
  history: [
    { role: 'Talent Director', organisation: 'Amberlane Executive Search', period: '2024 – present' },
    { role: 'Senior Consultant', organisation: 'Leading executive search firm', period: '2016 – 2024' },
  ],
  activity: ["Reposted an article: 'Why the best boards need deep technical expertise'"],
};

export const reportIt: BuiltInModule = {
  slug: 'report-it',
  track: 'think-before-you-link',
  order: 6,
  title: 'Report it',
  summary:
    'A recruiter makes you a generous offer. Decide what to capture, whom to tell and when, and learn from a real case how one message on a networking site ended in a 20-year sentence.',
  estimatedMinutes: 15,
  content: {
    scenario: {
      start: 'the-message',
      steps: [
        {
          id: 'the-message',
          title: 'An advisory role',
          narrative: paragraphs(
            'You are a senior software engineer in the Secure Communications division of Marlbrook Defence ' +
              'Engineering, working on encryption for military radio networks. You hold SC clearance, although your ' +
              "profile no longer says so: you took it off after last year's security briefing.",
            'On Wednesday evening a message arrives from a recruiter you have never heard of.',
          ),
          artefacts: [
            recruiterProfile,
            {
              kind: 'thread',
              platform: 'LinkedIn',
              participants: [RECRUITER, 'You'],
              messages: [
                {
                  from: RECRUITER,
                  at: 'Wed 21:40',
                  body:
                    'Good evening. Your background in secure communications is exceptional, and exactly what one of my ' +
                    'clients is looking for. They are a strategic research institute that advises governments on the ' +
                    'future of communications security, and they are building a small international advisory council.',
                },
                {
                  from: RECRUITER,
                  at: 'Wed 21:41',
                  body:
                    'The role is part-time and entirely remote, apart from an annual council meeting abroad (travel and ' +
                    'accommodation covered). The honorarium is £1,000 a day for around ten days a year. Would you be open ' +
                    'to a confidential conversation? It may be easier to continue on a private messaging app; my number ' +
                    'is 07700 900284.',
                },
              ],
            },
          ],
          choices: [
            {
              id: 'capture-first',
              label:
                "Don't reply or block yet. First capture what you have: her profile, the messages and the details",
              next: 'capture',
              feedback:
                'Right. Evidence is easiest to collect now, before a profile is renamed or deleted or a conversation is ' +
                'lost; deciding what to do about it comes next.',
              redFlags: ['unsolicited-approach', 'too-good-to-be-true', 'move-off-platform'],
              points: 3,
            },
            {
              id: 'reply-to-test',
              label: "Reply with a few questions to find out whether she's genuine before bothering anyone",
              next: 'the-reply',
              feedback:
                'Testing a suspicious contact yourself tells them you are interested and gives them a conversation to ' +
                'work with. Security can check who she is without her knowing.',
              redFlags: ['unsolicited-approach', 'move-off-platform'],
              points: 0,
            },
            {
              id: 'block-and-delete',
              label: "Block her and delete the conversation: you're not interested, and that's the end of it",
              next: 'blocked-first',
              feedback:
                'Not engaging is sensible, but blocking and deleting first throws away what security would need: the ' +
                'profile address, the exact words and the times. Capture and report first, then block if security agrees.',
              redFlags: ['unsolicited-approach', 'too-good-to-be-true'],
              points: 1,
            },
          ],
          position: { x: 0, y: 160 },
        },
        {
          id: 'the-reply',
          title: 'A smooth answer',
          narrative:
            'You reply asking which institute it is and how she found you. Helena answers within minutes.',
          artefacts: [
            {
              kind: 'thread',
              platform: 'LinkedIn',
              participants: [RECRUITER, 'You'],
              messages: [
                {
                  from: 'You',
                  at: 'Wed 22:02',
                  body: 'Thanks for getting in touch. Could you tell me the name of the institute, and how you came across me?',
                },
                {
                  from: RECRUITER,
                  at: 'Wed 22:05',
                  body:
                    'Of course! I can share the name after an initial conversation: the council is confidential until ' +
                    'appointments are announced. I found you through your excellent conference talk last year.',
                },
                {
                  from: RECRUITER,
                  at: 'Wed 22:06',
                  body:
                    'To help me match you properly, could you tell me which programmes you work on at the moment, and ' +
                    "what level of clearance you hold? And shall we switch to the messaging app? It's more secure for " +
                    'confidential searches.',
                },
              ],
            },
          ],
          choices: [
            {
              id: 'stop-and-capture',
              label: 'Stop replying, and capture everything before deciding what to do',
              next: 'capture',
              feedback:
                'Good. She has refused to name the client, asked for your programmes and clearance, and pushed you ' +
                'towards a private app: each is a red flag, and together they are well worth reporting.',
              redFlags: ['unverifiable-company', 'sensitive-topic-drift', 'move-off-platform'],
              points: 2,
            },
            {
              id: 'move-to-app',
              label:
                "Move to the messaging app and answer in general terms: programmes without detail, and 'SC' is hardly secret",
              next: 'off-platform',
              feedback:
                "Moving off the platform takes the conversation beyond the network's fake-account protections and out " +
                'of sight of anything your employer can see. Your clearance and programmes are exactly the targeting ' +
                'information you took off your profile.',
              redFlags: ['move-off-platform', 'sensitive-topic-drift', 'clearance-advertised'],
              points: 0,
            },
            {
              id: 'decline-and-block',
              label: "Tell her you're not interested, then block her and delete the chat",
              next: 'blocked-first',
              feedback:
                'Declining is fine, but blocking and deleting destroys the evidence of an approach that has just asked ' +
                'for your programmes and clearance. Security would want to see it.',
              redFlags: ['unverifiable-company', 'sensitive-topic-drift'],
              points: 1,
            },
          ],
          position: { x: 300, y: 160 },
        },
        {
          id: 'blocked-first',
          title: 'Gone',
          narrative: paragraphs(
            'With Helena blocked and the conversation deleted, you can no longer open her profile, and the messages ' +
              'have gone.',
            'You realise you never noted the address of her profile, and you cannot remember exactly what she said.',
          ),
          choices: [
            {
              id: 'report-anyway',
              label:
                'Report it anyway, with what you remember: her name, her firm, the date, what she offered and the phone number',
              next: 'whom-to-tell',
              feedback:
                'Right. An incomplete report is far better than none, and security may be able to link it to others. ' +
                'Next time, capture before you block.',
              redFlags: ['unsolicited-approach', 'profile-anomalies'],
              points: 2,
            },
            {
              id: 'leave-it',
              label: "Leave it: without the messages there's nothing useful to report",
              next: 'nobody-knew',
              feedback:
                'Even a rough report (a name, a firm, a date, what was offered) can be the piece that links several ' +
                'approaches to one persona. Whether it is useful is for security to judge.',
              redFlags: ['unsolicited-approach'],
              points: 0,
            },
          ],
          position: { x: 300, y: 480 },
        },
        {
          id: 'capture',
          title: 'Capturing the evidence',
          narrative: 'You decide to capture what you have before doing anything else. How far do you go?',
          choices: [
            {
              id: 'full-capture',
              label:
                "Copy her profile's web address, take full-page screenshots of the profile and the whole conversation, copy the message text, and note the dates, times and how she found you",
              next: 'is-it-worth-it',
              feedback:
                'Exactly right. The profile address points to the exact account, which a name does not, screenshots ' +
                'show what you saw, and the exact text and times let security compare your approach with others.',
              redFlags: ['profile-anomalies', 'unsolicited-approach'],
              points: 3,
            },
            {
              id: 'one-screenshot',
              label: "Screenshot the latest message: that's the part that matters",
              next: 'is-it-worth-it',
              feedback:
                'Better than nothing, but one screenshot loses the profile address, her profile details and the rest of ' +
                'the conversation, which are what link this approach to others.',
              redFlags: ['profile-anomalies'],
              points: 1,
            },
            {
              id: 'note-name',
              label: 'Jot down her name and firm: security can look her up',
              next: 'is-it-worth-it',
              feedback:
                'Names and photos on fake profiles are easily changed, and are often borrowed from real people, so a ' +
                'name alone may lead security nowhere, or to the wrong person. The profile address identifies the ' +
                'account.',
              redFlags: ['profile-anomalies'],
              points: 0,
            },
          ],
          position: { x: 600, y: 0 },
        },
        {
          id: 'off-platform',
          title: 'On the app',
          narrative: 'On the messaging app, things move quickly.',
          artefacts: [
            {
              kind: 'thread',
              platform: 'Private messenger',
              participants: [RECRUITER, 'You'],
              messages: [
                {
                  from: RECRUITER,
                  at: 'Thu 20:12',
                  body:
                    "So glad we could connect here! The institute's director would love to meet you at the council's " +
                    'meeting this autumn, abroad. Flights and hotel are on them, of course.',
                },
                {
                  from: RECRUITER,
                  at: 'Thu 20:13',
                  body:
                    "In the meantime he'd value a short paper on where secure military radio is heading over the next " +
                    'decade. £3,000 on delivery. And please keep this between us until your appointment is confirmed.',
                },
              ],
            },
          ],
          choices: [
            {
              id: 'stop-and-report',
              label: 'Stop here, capture the whole conversation, and report it, including what you told her',
              next: 'capture',
              feedback:
                'Right, even now. Tell security exactly what you shared: your clearance and programmes are precisely ' +
                'what they need to know were disclosed.',
              redFlags: ['move-off-platform', 'paid-reports', 'travel-abroad', 'secrecy-request'],
              points: 2,
            },
            {
              id: 'write-paper',
              label: "Write the paper: it's public-domain trends, and £3,000 is £3,000",
              next: 'compromised',
              feedback:
                'Paid work on your specialism for a client you cannot name, kept from your employer, is the first step ' +
                'of the pattern this whole track has traced. The paper is the hook; the relationship is the point.',
              redFlags: ['paid-reports', 'secrecy-request', 'too-good-to-be-true'],
              points: 0,
            },
            {
              id: 'drop-it',
              label: 'Stop replying, delete the app and forget about it: nothing classified was shared',
              next: 'nobody-knew',
              feedback:
                "'Nothing classified' is not the test for reporting. She now knows your clearance and programmes, and " +
                'security does not know that she does.',
              redFlags: ['move-off-platform', 'sensitive-topic-drift'],
              points: 0,
            },
          ],
          position: { x: 600, y: 320 },
        },
        {
          id: 'is-it-worth-it',
          title: 'Is it worth reporting?',
          narrative: paragraphs(
            "With that done, you hesitate. It's probably nothing. The security team must be busy. And might " +
              "reporting it make it look as though you've been job-hunting?",
            'Then you remember a bulletin the security team sent round last month.',
          ),
          artefacts: [
            {
              kind: 'email',
              from: SECURITY_TEAM,
              to: 'All staff',
              subject: "Case study: how a recruiter's message ended in a 20-year sentence",
              sentAt: 'Last month',
              body: paragraphs(
                'Kevin Mallory was a former CIA officer. Like millions of professionals, he had a LinkedIn profile, and ' +
                  'he was in debt.',
                'Then a message arrived from someone presenting himself as a headhunter. It looked like any other ' +
                  'recruitment approach. The "headhunter" was fake, acting for Chinese intelligence, and the opportunity ' +
                  'he offered was, in the end, money for what Mallory knew.',
                'Mallory took it. He sold secrets to the people behind the approach, was caught, and was jailed for 20 ' +
                  'years.',
                'Three things stand out for us:\n' +
                  '• It started with an ordinary-looking message from a recruiter, on the kind of site we all use.\n' +
                  '• Money worries made a generous offer much harder to turn down.\n' +
                  '• Experience was no protection. A trained intelligence officer, no longer in post, was drawn in step ' +
                  'by step.',
                'Most approaches go nowhere, and most people who receive them do nothing wrong. But every report helps ' +
                  'us spot campaigns early and protect the people being targeted. Nobody will think less of you for ' +
                  'reporting an approach, whether or not you replied. If in doubt, report it.',
                'Marlbrook Security Team',
              ),
            },
          ],
          choices: [
            {
              id: 'report-now',
              label: 'Report it now. This is exactly what the bulletin is asking for',
              next: 'whom-to-tell',
              feedback:
                'Right. You do not need to be sure it is hostile, or to wait until something sensitive is asked for: an ' +
                'unsolicited, generous offer with a push to a private app and paid travel abroad is enough.',
              redFlags: ['unsolicited-approach', 'too-good-to-be-true', 'move-off-platform', 'travel-abroad'],
              points: 3,
            },
            {
              id: 'run-checker',
              label: "Run it through the approach checker first, to see whether it's worth reporting",
              next: 'the-checker',
              feedback:
                'A sensible way to organise your thoughts, as long as the checker informs the decision rather than ' +
                'delaying it. Its advice will be to report anything rated medium or high.',
              redFlags: ['unsolicited-approach'],
              points: 1,
            },
            {
              id: 'wait-and-see',
              label: 'Wait and see whether she gets in touch again, and report it if it goes any further',
              next: 'the-second-message',
              feedback:
                'Waiting gives the approach time to develop, and leaves security without a report that might link it to ' +
                'others. The time to report is when you first notice something, not when it escalates.',
              redFlags: ['unsolicited-approach'],
              points: 0,
            },
          ],
          position: { x: 900, y: 0 },
        },
        {
          id: 'the-checker',
          title: 'The approach checker',
          narrative: paragraphs(
            'You open the approach checker and answer its questions: how she contacted you, what she offered, whether ' +
              'you could verify her firm, whether she asked to move off the platform, and whether travel was mentioned. ' +
              'You paste in her messages.',
            'The result is MEDIUM. The checker highlights an unsolicited approach, flattery, pay far above the going ' +
              'rate, a request to move to a private app, and travel abroad paid for by the other side, and notes that ' +
              'you could not verify the firm or the institute. It reminds you that it cannot tell you whether anyone is ' +
              'a spy, only how closely an approach matches the patterns of hostile ones, and advises you to report ' +
              'anything rated medium or high.',
          ),
          choices: [
            {
              id: 'report',
              label: 'Report it, as the checker advises',
              next: 'whom-to-tell',
              feedback:
                'Right. Medium means report: several warning signs together are enough, and security can check what you ' +
                'cannot.',
              redFlags: ['unsolicited-approach', 'too-good-to-be-true', 'move-off-platform', 'travel-abroad'],
              points: 2,
            },
            {
              id: 'medium-means-wait',
              label: "Medium isn't high. Wait and see whether it gets worse",
              next: 'the-second-message',
              feedback:
                'The rating measures how closely the approach matches known patterns, not how much harm has been done ' +
                "yet. By the time it reaches 'high', you may already be part of the conversation.",
              redFlags: ['unsolicited-approach', 'too-good-to-be-true'],
              points: 0,
            },
          ],
          position: { x: 1200, y: 160 },
        },
        {
          id: 'the-second-message',
          title: 'A follow-up',
          narrative: 'A week later, Helena writes again.',
          artefacts: [
            {
              kind: 'thread',
              platform: 'LinkedIn',
              participants: [RECRUITER, 'You'],
              messages: [
                {
                  from: RECRUITER,
                  at: 'Wed 22:15',
                  body:
                    "I hope you don't mind me following up. My client was very taken with your background and would like " +
                    'to move quickly. As a first step, they would value a short paper (five or six pages) on where secure ' +
                    'military radio is heading over the next decade. A fee of £3,000, paid on delivery.',
                },
                {
                  from: RECRUITER,
                  at: 'Wed 22:16',
                  body:
                    'They also asked whether the colleague from your team who spoke at the cryptography conference last ' +
                    'spring might be interested too. And I would keep this between ourselves for now: these appointments ' +
                    'are confidential.',
                },
              ],
            },
          ],
          choices: [
            {
              id: 'report-now',
              label: "Report it now, with both messages: it's escalating",
              next: 'whom-to-tell',
              feedback:
                'Right, and there is more to report now: a paid paper on your specialism, interest in a named colleague ' +
                'and a request for secrecy have turned a vague offer into a textbook cultivation.',
              redFlags: ['paid-reports', 'secrecy-request', 'sensitive-topic-drift'],
              points: 2,
            },
            {
              id: 'ignore-again',
              label: "Ignore this one too: you haven't replied, and you won't",
              next: 'nobody-knew',
              feedback:
                'Not replying protects you, but she is now asking about a colleague. Only a report lets security warn ' +
                'them.',
              redFlags: ['paid-reports', 'secrecy-request'],
              points: 0,
            },
            {
              id: 'write-paper',
              label: "Write the paper: it's only public-domain trends, and £3,000 is £3,000",
              next: 'compromised',
              feedback:
                'Paid work on your specialism for an unverified client, kept from your employer, is the first step of ' +
                'the pattern this whole track has traced. The paper is the hook; the relationship is the point.',
              redFlags: ['paid-reports', 'secrecy-request', 'too-good-to-be-true'],
              points: 0,
            },
          ],
          position: { x: 1500, y: 320 },
        },
        {
          id: 'whom-to-tell',
          title: 'Whom to tell',
          narrative: 'You are going to report it. Who should hear about it first?',
          choices: [
            {
              id: 'security-team',
              label: "Your security team, using the 'Report an approach' form or their usual reporting route",
              next: 'the-report-form',
              feedback:
                'Right. Your security team can check the profile, link it to other reports, warn colleagues and decide ' +
                'whether to involve the platform or the authorities.',
              redFlags: ['unsolicited-approach'],
              points: 3,
            },
            {
              id: 'platform-first',
              label:
                "The networking site: use its 'report this profile' button so it's taken down as fast as possible",
              next: 'the-report-form',
              feedback:
                'Reporting fake profiles to the platform is worthwhile, but tell security first and let them advise on ' +
                'timing. A profile removed before security has seen it can take evidence with it, and the platform will ' +
                'not tell your employer you were targeted.',
              redFlags: ['unsolicited-approach', 'profile-anomalies'],
              points: 1,
            },
            {
              id: 'team-chat',
              label: "Your team's group chat, with a screenshot, so that everyone is warned at once",
              next: 'the-report-form',
              feedback:
                'Well meant, but it spreads her details and your conversation beyond the people who need them, and it ' +
                'still does not reach security. Let security decide whom to warn and how.',
              redFlags: ['unsolicited-approach'],
              points: 0,
            },
          ],
          position: { x: 1800, y: 0 },
        },
        {
          id: 'the-report-form',
          title: 'Writing the report',
          narrative: paragraphs(
            'You open the report form. It asks for the platform, the profile address, what was offered, the message ' +
              'text, screenshots, the dates, and anything you replied or shared.',
            'This is your draft so far.',
          ),
          artefacts: [
            {
              kind: 'email',
              from: 'You',
              to: SECURITY_TEAM,
              subject: 'Approach report (draft): recruiter on LinkedIn',
              sentAt: 'Draft',
              body:
                'Platform: LinkedIn\n' +
                'Profile: Helena Voss, Talent Director, Amberlane Executive Search\n' +
                'Profile address: https://www.linkedin.example/in/helena-voss-4a7b19 (if you captured it)\n' +
                'First contact: Wednesday, 21:40, unsolicited message\n' +
                "Offered: a seat on an unnamed research institute's 'advisory council', £1,000 a day, annual meeting " +
                'abroad with travel paid\n' +
                'Asked for: a move to a private messaging app (07700 900284)\n' +
                'Attached: screenshots of the profile and messages (if you took them)\n' +
                'What I replied or shared: ',
            },
          ],
          choices: [
            {
              id: 'complete-and-honest',
              label:
                'Complete every field, including anything you replied or shared, and add a line on anything that struck you as odd',
              next: 'after-reporting',
              feedback:
                'Right. What you shared, even if it feels embarrassing, is exactly what security needs to judge the risk, ' +
                'and your own impressions often help more than you would think.',
              redFlags: ['unsolicited-approach', 'move-off-platform', 'travel-abroad'],
              points: 3,
            },
            {
              id: 'short-version',
              label:
                "Keep it short: 'suspicious recruiter, Helena Voss' and one screenshot. Security can ask for more",
              next: 'after-reporting',
              feedback:
                'Security will ask, but every detail left out means another round of questions and another delay, ' +
                'while the profile is still working. The full record takes five minutes now.',
              redFlags: ['unsolicited-approach', 'profile-anomalies'],
              points: 1,
            },
            {
              id: 'leave-blank',
              label:
                "Leave 'What I replied or shared' blank: nothing classified went anywhere, so it's irrelevant",
              next: 'after-reporting',
              feedback:
                'If you shared nothing, say so. If you did, that is the most important line in the report: leaving it ' +
                'out makes the report less useful and, if it comes out later, makes you look as if you had something to ' +
                'hide.',
              redFlags: ['unsolicited-approach', 'sensitive-topic-drift'],
              points: 0,
            },
          ],
          position: { x: 2100, y: 0 },
        },
        {
          id: 'after-reporting',
          title: 'She writes again',
          narrative: paragraphs(
            "Within the hour, the security team acknowledges your report. Their advice: don't reply, don't delete " +
              "anything and don't block anyone yet; they will be in touch.",
            "That evening another message arrives, from a new account called 'Helena V.' with the same photograph.",
          ),
          artefacts: [
            {
              kind: 'thread',
              platform: 'LinkedIn',
              participants: ['Helena V.', 'You'],
              messages: [
                {
                  from: 'Helena V.',
                  at: 'Fri 21:03',
                  body:
                    'Hello again! I think my earlier messages may have gone astray. Just checking you saw my note? My ' +
                    'client is keen to move quickly. Shall we talk this weekend?',
                },
              ],
            },
          ],
          choices: [
            {
              id: 'follow-advice',
              label: "Don't reply. Capture the new account and its message, and add them to your report",
              next: 'reported-well',
              feedback:
                'Exactly right. A second account using the same photograph is new evidence, and following ' +
                "security's advice keeps their options open.",
              redFlags: ['unsolicited-approach'],
              points: 3,
            },
            {
              id: 'block-now',
              label: "Block the new account now: you've reported it, so your part is done",
              next: 'reported-well',
              feedback:
                'Security asked you to hold off for a reason: a live account can show them whom else it contacts and ' +
                'what it does next. Ask them before you block.',
              redFlags: ['unsolicited-approach'],
              points: 1,
            },
            {
              id: 'tell-her',
              label: "Reply that you've reported her to your security team, so she'll leave you alone",
              next: 'reported-well',
              feedback:
                'Telling her warns the people behind the profile, who can delete it, and its traces, and come back ' +
                'under another name. Never confront: leave the response to security.',
              redFlags: ['unsolicited-approach'],
              points: 0,
            },
          ],
          position: { x: 2400, y: 0 },
        },
        {
          id: 'reported-well',
          title: 'Reported',
          narrative: 'A week later, the security team writes back to tell you the outcome.',
          ending: {
            outcome: 'safe',
            debrief: paragraphs(
              'What happened: yours was the fourth report about Helena Voss in a fortnight, from people at three ' +
                'defence firms. Together the reports showed one persona behind them all, including a second account ' +
                'under a slightly different name. Security passed the details to the platform and the appropriate ' +
                'authorities, and warned colleagues in your division, and the platform removed both accounts. You were ' +
                'thanked, told the outcome, and asked to report again if anyone got in touch under another name.',
              'Why it matters: good reports are how campaigns are found. A profile address, screenshots, the exact ' +
                'words and the times let security link approaches made to different people, and an honest note of ' +
                "anything you shared lets them judge the risk. Kevin Mallory's case shows where a recruiter's message " +
                'can lead when nobody hears about it: a former CIA officer in debt, approached through a fake headhunter ' +
                'on LinkedIn, who sold secrets and was jailed for 20 years.',
              'Red flags present: an unsolicited approach; flattery; a profile only months old with a small network; ' +
                'an institute that would not be named; pay far above the going rate; a push to a private messaging app; ' +
                'travel abroad paid for by the other side; and, if it went that far, questions about your programmes ' +
                'and clearance, a paid paper, interest in a colleague and a request for secrecy.',
              'What to do. How: capture the profile address, screenshots of the profile and the whole conversation, ' +
                'the message text and the dates before you block or delete anything. Whom: your security team first, ' +
                "through your organisation's reporting route. When: as soon as you notice, whether you ignored it, " +
                "declined it or replied. Afterwards: follow security's advice on replying and blocking, and add " +
                'anything new to your report.',
            ),
          },
          position: { x: 2700, y: 0 },
        },
        {
          id: 'nobody-knew',
          title: 'Nobody knew',
          narrative: 'You put Helena out of your mind, and tell nobody.',
          ending: {
            outcome: 'compromised',
            debrief: paragraphs(
              "What happened: Helena's profile stayed live for three more months. In that time several people in your " +
                "division were approached by the same persona, and one of them took on the 'advisory' work. When " +
                'security finally heard about the persona, from another firm, they found your name among her contacts ' +
                'and had to ask you what had happened, months after it would have been useful.',
              'Why it matters: a report that never arrives cannot be linked to anything. Hostile services approach many ' +
                'people at once and only need one to respond; the people who decline and say nothing leave the ' +
                "campaign running. Kevin Mallory's case is a reminder of where it can end: a former CIA officer in " +
                'debt, approached on LinkedIn by a fake headhunter, sold secrets and was jailed for 20 years.',
              'Red flags present: an unsolicited approach; flattery; a new profile with a small network; an institute ' +
                'that would not be named; pay far above the going rate; a push to a private messaging app; travel ' +
                'abroad paid for by the other side; and, depending on how far it went, requests for your programmes and ' +
                'clearance, a paid paper and a request for secrecy.',
              'What to do: report every suspicious approach, even if you ignored it, declined it or can no longer find ' +
                'the messages. Capture what you can before you block or delete. Whether a report is useful is for ' +
                'security to decide, not you.',
            ),
          },
          position: { x: 2700, y: 320 },
        },
        {
          id: 'compromised',
          title: 'The first paper',
          narrative:
            'You write the paper from public sources and your own views, and send it. The £3,000 arrives within days, ' +
            'from a payments company you have never heard of.',
          ending: {
            outcome: 'compromised',
            debrief: paragraphs(
              'What happened: the institute was delighted, and a second paper followed, closer to your work, then an ' +
                "invitation to the council meeting abroad, and then a reminder that you had already taken the institute's " +
                'money without telling your employer. You had become part of an undeclared, paid relationship with ' +
                'people you could not name, which is exactly where a hostile service wants you.',
              'Why it happened: the offer fitted your skills, the money was generous and the first task was harmless. ' +
                "Kevin Mallory's story began the same way: a former CIA officer in debt, contacted on LinkedIn by a fake " +
                'headhunter. He went on to sell secrets, and was jailed for 20 years.',
              'Red flags present: an unsolicited approach; flattery; a new profile with a small network; an institute ' +
                'that would not be named; pay far above the going rate; a push to a private messaging app; paid travel ' +
                'abroad; money for a paper on your specialism; and a request for secrecy.',
              'What to do: stop now, keep every message and payment record, and tell your security team everything, ' +
                'including the paper and the payment. Coming forward early is what protects you; every further piece ' +
                'of work makes it harder.',
            ),
          },
          position: { x: 2700, y: 480 },
        },
      ],
    },
    quiz: {
      passMark: 80,
      shuffle: true,
      retryPolicy: BUILT_IN_RETRY_POLICY,
      questions: [
        {
          id: 'what-to-capture',
          kind: 'multiple',
          prompt:
            'Before you block or delete a suspicious contact, what should you capture? Select all that apply.',
          options: [
            { id: 'profile-url', label: "The profile's web address", correct: true },
            {
              id: 'screenshots',
              label: 'Screenshots of the profile and of the whole conversation',
              correct: true,
            },
            { id: 'message-text', label: 'The exact text of the messages', correct: true },
            { id: 'dates', label: 'The dates and times, and how the contact began', correct: true },
            {
              id: 'name-only',
              label: "Only the person's name, which is enough to look them up",
              correct: false,
            },
            {
              id: 'memory-summary',
              label: 'A summary from memory, written later, instead of screenshots',
              correct: false,
            },
          ],
          explanation:
            'Names and photos on fake profiles are often borrowed from real people and can be changed at will; the ' +
            'profile address points to the exact account. Screenshots, exact text and times let security link your ' +
            'approach to others and act on it.',
          redFlags: ['profile-anomalies', 'unsolicited-approach'],
        },
        {
          id: 'reply-or-block',
          kind: 'single',
          prompt: 'A suspicious recruiter has messaged you. Should you reply or block first?',
          options: [
            {
              id: 'capture-report-then-advice',
              label:
                "Neither: capture the evidence and report it, then follow security's advice on replying or blocking",
              correct: true,
            },
            {
              id: 'reply-to-test',
              label: 'Reply with a few questions to test whether they are genuine',
              correct: false,
            },
            { id: 'block-delete', label: 'Block and delete at once, then forget about it', correct: false },
            { id: 'tell-them', label: 'Tell them you are reporting them, so they stop', correct: false },
          ],
          explanation:
            "Replying encourages them and testing them is security's job; blocking and deleting first destroys " +
            'evidence; and telling them warns the people behind the profile.',
          redFlags: ['unsolicited-approach', 'move-off-platform'],
        },
        {
          id: 'when-to-report',
          kind: 'single',
          prompt: 'When should you report a suspicious approach?',
          options: [
            {
              id: 'as-soon-as-noticed',
              label: 'As soon as you notice it, whether you ignored it, declined it or replied',
              correct: true,
            },
            { id: 'when-classified', label: 'Only once they ask for classified information', correct: false },
            { id: 'when-sure', label: 'Only when you are sure it is a hostile service', correct: false },
            {
              id: 'second-message',
              label: 'After a second message, so you know they are serious',
              correct: false,
            },
          ],
          explanation:
            'You do not need to be sure, and it is never too late. The earlier security hears, the sooner they can link ' +
            'it to other approaches and warn colleagues.',
          redFlags: ['unsolicited-approach'],
        },
        {
          id: 'medium-rating',
          kind: 'single',
          prompt: 'The approach checker rates an approach you received as MEDIUM risk. What should you do?',
          options: [
            {
              id: 'report',
              label: 'Report it: the advice is to report anything rated medium or high',
              correct: true,
            },
            { id: 'wait', label: 'Wait to see whether it becomes high', correct: false },
            { id: 'reply', label: 'Reply to find out more, then run the checker again', correct: false },
            { id: 'ignore', label: 'Ignore it: medium means it is probably genuine', correct: false },
          ],
          explanation:
            'The checker does not know who anyone is; it measures how closely an approach matches hostile patterns. ' +
            'Medium or high means security should see it.',
          redFlags: ['unsolicited-approach', 'profile-anomalies'],
        },
        {
          id: 'mallory-start',
          kind: 'single',
          prompt:
            'Kevin Mallory, a former CIA officer, was jailed for 20 years for selling secrets. How did the approach that led there begin?',
          options: [
            {
              id: 'fake-headhunter',
              label: 'A fake headhunter, acting for Chinese intelligence, contacted him on LinkedIn',
              correct: true,
            },
            {
              id: 'embassy',
              label: 'He walked into a foreign embassy and offered information',
              correct: false,
            },
            {
              id: 'phishing',
              label: 'His email account was hacked through a phishing message',
              correct: false,
            },
            {
              id: 'conference',
              label: 'He was recruited in person at an academic conference',
              correct: false,
            },
          ],
          explanation:
            'It began with what looked like an ordinary recruitment message on a professional networking site, which ' +
            'is why approaches like it are worth reporting.',
          redFlags: ['unsolicited-approach', 'unverifiable-company'],
        },
        {
          id: 'mallory-lessons',
          kind: 'multiple',
          prompt: 'What lessons does the Mallory case hold? Select all that apply.',
          options: [
            {
              id: 'money-worries',
              label: 'Debt made a generous offer harder to refuse',
              correct: true,
            },
            {
              id: 'looked-ordinary',
              label: 'The approach looked like ordinary recruitment',
              correct: true,
            },
            {
              id: 'experience-no-shield',
              label: 'Experience and training are no guarantee of protection',
              correct: true,
            },
            {
              id: 'former-staff',
              label: 'People who have left sensitive posts are targets too',
              correct: true,
            },
            {
              id: 'serving-only',
              label: 'Only people currently in sensitive posts are targeted',
              correct: false,
            },
          ],
          explanation:
            'Mallory was a trained former intelligence officer, no longer in post and in debt, and the approach came ' +
            'through an apparently ordinary recruiter. Nobody is too experienced to be targeted.',
          redFlags: ['financial-pressure', 'unsolicited-approach'],
        },
        {
          id: 'whom-first',
          kind: 'single',
          prompt: 'Whom should you tell first about a suspicious approach?',
          options: [
            {
              id: 'security',
              label: "Your security team, through your organisation's reporting route",
              correct: true,
            },
            {
              id: 'platform-only',
              label: 'Only the networking site, using its report button',
              correct: false,
            },
            { id: 'team-chat', label: "Your team's group chat, so everyone is warned", correct: false },
            { id: 'nobody', label: 'Nobody, if you did not reply', correct: false },
          ],
          explanation:
            'Security can link your report to others, warn the right people and decide when to involve the platform or ' +
            'the authorities. Reporting to the platform is worthwhile too, after security has seen it.',
          redFlags: ['unsolicited-approach'],
        },
        {
          id: 'shared-something',
          kind: 'single',
          prompt:
            'Before you realised what was going on, you told a recruiter which programme you work on. What should your report say?',
          options: [
            {
              id: 'say-exactly',
              label: 'Exactly what you shared, and when: it helps security judge the risk and protects you',
              correct: true,
            },
            { id: 'leave-out', label: 'Leave it out: it was not classified', correct: false },
            {
              id: 'dont-report',
              label: 'Do not report at all, in case you get into trouble',
              correct: false,
            },
          ],
          explanation:
            'What you shared is the most useful part of a report. Leaving it out weakens the report and, if it comes ' +
            'out later, looks like concealment.',
          redFlags: ['sensitive-topic-drift', 'unsolicited-approach'],
        },
      ],
    },
  },
};
