import type { ProfileCardArtefact } from '@countersign/scenario-engine';
import { BUILT_IN_RETRY_POLICY, type BuiltInModule, paragraphs } from './types.js';

/*
 * Module 1 — "The approach".
 *
 * The learner, a senior systems engineer at the fictional Marlbrook Defence Engineering, receives
 * a connection request from a recruiter persona. The best path inspects the profile, checks the
 * company independently and reports; weaker paths engage, move off the platform and drift into
 * elicitation. Names, firms, numbers and addresses are invented (".example" domains, 07700 900xxx
 * drama-range phone numbers).
 *
 * Graph (columns left to right):
 *   connection-request → inspect-profile → check-company → reported-early
 *        │                   │                 │
 *        ├──────────────→ first-message ←──────┘ → cv-request → off-platform → technical-call
 *        └→ colleague-mention → reported-early | unreported
 *   endings: reported-early, reported-after-contact (safe), late-recovery (safe, partial),
 *            compromised, unreported (compromised)
 */

const RECRUITER = 'Rebecca Lyndon';

const recruiterProfile: ProfileCardArtefact = {
  kind: 'profile',
  name: RECRUITER,
  headline: 'Senior Talent Partner | Defence, Aerospace & Maritime | Confidential executive search',
  company: 'Vantage Cross Talent Partners',
  location: 'London, United Kingdom',
  connections: 47,
  accountAgeMonths: 3,
  about:
    'Connecting exceptional engineering talent with ambitious, well-funded clients worldwide. Discretion guaranteed. ' +
    'Always happy to connect with professionals in defence, aerospace and advanced technology.',
  history: [
    {
      role: 'Senior Talent Partner',
      organisation: 'Vantage Cross Talent Partners',
      period: '2024 – present',
    },
    {
      role: 'Senior Recruitment Consultant',
      organisation: 'Global executive search firm',
      period: '2017 – 2024',
    },
    {
      role: 'Recruitment Consultant',
      organisation: 'International recruitment agency',
      period: '2014 – 2017',
    },
  ],
  activity: [
    "Reposted an article: '5 habits of highly effective engineering leaders'",
    "Reposted an article: 'The future of autonomous maritime systems'",
    'Congratulated a connection on a work anniversary',
  ],
};

export const theApproach: BuiltInModule = {
  slug: 'the-approach',
  track: 'think-before-you-link',
  order: 1,
  title: 'The approach',
  summary:
    'A recruiter you have never heard of wants to connect. Inspect her profile and first messages, find what does not add up, and decide what to do.',
  estimatedMinutes: 15,
  content: {
    scenario: {
      start: 'connection-request',
      steps: [
        {
          id: 'connection-request',
          title: 'A connection request',
          narrative: paragraphs(
            'It is Monday morning. You are a senior systems engineer in the Maritime Sensors division at Marlbrook Defence ' +
              'Engineering, where you lead a small team working on signal processing for a naval sonar programme.',
            'Between meetings you check LinkedIn and find a connection request with a personal note. The sender, Rebecca ' +
              'Lyndon, says she is a recruiter. You have never heard of her or her firm. Your own profile shows your job title, ' +
              'your employer and a few years of career history, and recruiters message you every so often.',
          ),
          artefacts: [
            {
              kind: 'profile',
              name: recruiterProfile.name,
              headline: recruiterProfile.headline,
              company: recruiterProfile.company,
              location: recruiterProfile.location,
              connections: recruiterProfile.connections,
            },
            {
              kind: 'thread',
              platform: 'LinkedIn',
              participants: [RECRUITER, 'You'],
              messages: [
                {
                  from: RECRUITER,
                  at: 'Mon 08:52',
                  body:
                    'Hi, I came across your profile and was genuinely impressed by your background in underwater acoustics. ' +
                    "I'm running an exclusive, confidential search for a client in the maritime technology sector and you are " +
                    "exactly the profile they've asked me to find. I'd love to connect and share more. Best, Rebecca",
                },
              ],
            },
          ],
          choices: [
            {
              id: 'inspect',
              label: 'Open her full profile and look at it properly before deciding anything',
              next: 'inspect-profile',
              feedback:
                'Good habit. An unsolicited request from someone you cannot verify deserves a couple of minutes of scrutiny ' +
                'before it gets any access to you or your network.',
              redFlags: ['unsolicited-approach'],
              points: 3,
            },
            {
              id: 'accept',
              label: 'Accept: recruiters contact you all the time, and a connection commits you to nothing',
              next: 'first-message',
              feedback:
                'A connection is not neutral. It exposes your connections-only details and your network, and every ' +
                'acceptance makes a fake profile look more credible to the next person it targets, including your ' +
                'colleagues. The note is also warmer and vaguer than a real search usually is.',
              redFlags: ['unsolicited-approach', 'flattery'],
              points: 0,
            },
            {
              id: 'ignore',
              label: "Ignore it: you're not looking for a new job, so it isn't worth any more thought",
              next: 'colleague-mention',
              feedback:
                'Not engaging is sensible, but ignoring the request means nobody else learns about it. Security teams rely ' +
                'on reports to notice when the same persona is working through several members of staff.',
              redFlags: ['unsolicited-approach'],
              points: 1,
            },
          ],
          position: { x: 0, y: 160 },
        },
        {
          id: 'inspect-profile',
          title: 'A closer look at the profile',
          narrative: paragraphs(
            "You open Rebecca's full profile. At first glance it is polished: a professional headshot, a confident headline " +
              'and a London location. Take a minute with it, as you would if this were real.',
            'Her 47 connections are almost all engineers and managers at UK defence and aerospace companies, including three ' +
              'people in your own division. There are no endorsements or recommendations, and her posts are all reshared ' +
              "articles. Her earlier employers are described, not named. The 'member since' date is three months ago.",
          ),
          artefacts: [recruiterProfile],
          choices: [
            {
              id: 'verify-company',
              label:
                'Look up Vantage Cross yourself: the company register, its website, and who else works there',
              next: 'check-company',
              feedback:
                'Right instinct. A three-month-old account claiming ten years of recruitment, unnamed former employers and ' +
                'a network concentrated in defence are classic persona traits. Checking the firm independently tells you ' +
                'whether there is anything real behind her.',
              redFlags: ['profile-anomalies'],
              points: 2,
            },
            {
              id: 'report-now',
              label:
                "You've seen enough: screenshot the profile and note, and send them to the security team",
              next: 'reported-early',
              feedback:
                'Also a strong choice. Several anomalies together are reason enough to report; you do not have to prove a ' +
                'profile is fake before telling security. They can check things you cannot.',
              redFlags: ['profile-anomalies', 'unsolicited-approach'],
              points: 3,
            },
            {
              id: 'trust-mutuals',
              label:
                'Three people from your own division are already connected to her, so she must be genuine. Accept',
              next: 'first-message',
              feedback:
                'Mutual connections are collected, not vetted. Fake profiles deliberately connect with people inside a ' +
                'target organisation so that the next request looks familiar. Your colleagues may have accepted without ' +
                'looking, just as you are about to.',
              redFlags: ['profile-anomalies', 'unsolicited-approach'],
              points: 0,
            },
          ],
          position: { x: 300, y: 0 },
        },
        {
          id: 'check-company',
          title: 'Checking the company',
          narrative: paragraphs(
            "You spend ten minutes on Vantage Cross Talent Partners, without using any link Rebecca has sent you. Here's " +
              'what you find:',
            '• The company register shows it was incorporated five months ago. Its only director does not appear anywhere ' +
              'else online, and its registered office is a company-formation agent in London that is shared by hundreds of ' +
              'other firms.\n' +
              "• The website is a single page: stock photographs, generic copy about 'connecting talent with opportunity', a " +
              'contact form and no telephone number. It names no staff, no clients and no past placements.\n' +
              '• Searching LinkedIn for people who work at Vantage Cross finds Rebecca, plus one other profile with no photo, ' +
              'created in the same month.\n' +
              '• The firm does not appear in the trade press or on the membership lists of recruitment industry bodies.',
          ),
          choices: [
            {
              id: 'report',
              label: "Don't accept. Report the profile, the note and what you found to the security team",
              next: 'reported-early',
              feedback:
                'Exactly right. A firm with no verifiable staff, clients or history, represented by a brand-new profile, is ' +
                'a strong sign of a front. Reporting it lets security warn colleagues and ask the platform to investigate.',
              redFlags: ['unverifiable-company', 'profile-anomalies', 'unsolicited-approach'],
              points: 3,
            },
            {
              id: 'decline-quietly',
              label: "Decline the request and move on. You haven't engaged, so there's nothing to report",
              next: 'colleague-mention',
              feedback:
                "You have protected yourself, but the persona is still working. Others in your division won't know it's " +
                'fake unless someone tells security. Declining does not stop a campaign; reporting can.',
              redFlags: ['unverifiable-company', 'profile-anomalies'],
              points: 1,
            },
            {
              id: 'benefit-of-doubt',
              label: 'Plenty of genuine start-ups look like this at first. Accept, and hear her out',
              next: 'first-message',
              feedback:
                'A new firm may have a thin website, but it will still have real people with checkable careers and some ' +
                'record of real work. Here there is none of that, and giving the benefit of the doubt is exactly what a ' +
                'front company is designed to get from you.',
              redFlags: ['unverifiable-company'],
              points: 0,
            },
          ],
          position: { x: 600, y: 0 },
        },
        {
          id: 'first-message',
          title: 'The first message',
          narrative: paragraphs(
            'Within an hour of your accepting, Rebecca sends you a longer message.',
            'For comparison, the package she describes is roughly double what someone at your level in the UK would normally ' +
              'earn, and nothing in her message says what the job involves.',
          ),
          artefacts: [
            {
              kind: 'thread',
              platform: 'LinkedIn',
              participants: [RECRUITER, 'You'],
              messages: [
                {
                  from: RECRUITER,
                  at: 'Mon 10:41',
                  body:
                    "Thanks so much for connecting! I'll be honest, your profile stood out immediately. My client is a " +
                    "fast-growing maritime technology company and they've struggled to find anyone with your depth in sonar " +
                    "signal processing. People I've spoken to say you're one of the best in the UK at it.",
                },
                {
                  from: RECRUITER,
                  at: 'Mon 10:42',
                  body:
                    "The role is Principal Consultant, fully remote, £165,000 base plus a sign-on bonus and equity. They'd " +
                    'like to move quickly for the right person. Could you send me an up-to-date CV so I can put you forward ' +
                    'this week?',
                },
              ],
            },
          ],
          choices: [
            {
              id: 'report',
              label: 'Stop here. Screenshot the conversation and report it to the security team',
              next: 'reported-after-contact',
              feedback:
                'Good call. Lavish praise, a package far above the market and no detail about the job are the opening ' +
                'moves of a cultivation, not a search. You have given away nothing yet, which is the best time to report.',
              redFlags: ['flattery', 'too-good-to-be-true', 'unsolicited-approach'],
              points: 3,
            },
            {
              id: 'ask-client',
              label:
                'Ask her to name the client and send a written job description before you share anything',
              next: 'cv-request',
              feedback:
                'Asking for verifiable detail costs you nothing and is a reasonable test. Watch how she handles it: a real ' +
                "recruiter can usually describe the role, even if they can't name the client yet. But the offer is already " +
                'too good to be true, and you could have reported it at this point.',
              redFlags: ['too-good-to-be-true', 'flattery'],
              points: 2,
            },
            {
              id: 'send-cv',
              label: "Send your standard CV. It says little more than your profile does, so there's no harm",
              next: 'cv-request',
              feedback:
                'A CV usually says more than a profile: personal contact details, fuller project history, sometimes ' +
                'referees. It also signals that you are interested, to someone you still have not verified, on the strength ' +
                'of flattery and an implausible salary.',
              redFlags: ['too-good-to-be-true', 'flattery'],
              points: 0,
            },
          ],
          position: { x: 900, y: 160 },
        },
        {
          id: 'cv-request',
          title: 'A few more details',
          narrative: 'That afternoon Rebecca replies with several messages in quick succession.',
          artefacts: [
            {
              kind: 'thread',
              platform: 'LinkedIn',
              participants: [RECRUITER, 'You'],
              messages: [
                {
                  from: RECRUITER,
                  at: 'Mon 14:05',
                  body:
                    'Thanks for coming back to me! My client is keeping its name confidential until the first interview. ' +
                    "It's a sensitive market and they're in stealth mode, I'm sure you understand.",
                },
                {
                  from: RECRUITER,
                  at: 'Mon 14:06',
                  body:
                    "To fast-track you, they've asked for a bit more than a standard CV: the programmes you've worked on, " +
                    'who the end customers were, your team sizes and your current clearance level. A single page is plenty.',
                },
                {
                  from: RECRUITER,
                  at: 'Mon 14:08',
                  body:
                    "Also, LinkedIn messaging isn't ideal for confidential searches. Could we move to a private messenger? " +
                    "My number is 07700 900318, or you can email rebecca.lyndon.talent@mail.example if that's easier.",
                },
                {
                  from: RECRUITER,
                  at: 'Mon 14:09',
                  body:
                    "And I'd keep this between us for now. The last candidate I placed had a very awkward time when their " +
                    'employer found out and made a counter-offer.',
                },
              ],
            },
          ],
          choices: [
            {
              id: 'report',
              label: 'Decline, keep the messages, and report the whole exchange to the security team',
              next: 'reported-after-contact',
              feedback:
                'Right. In four short messages she has refused to name the client, asked for programmes, customers and ' +
                'clearance, pushed you off the platform and asked you to keep it from your employer. Each is a warning ' +
                'sign; together they are a pattern.',
              redFlags: [
                'secrecy-request',
                'move-off-platform',
                'sensitive-topic-drift',
                'unverifiable-company',
              ],
              points: 3,
            },
            {
              id: 'trimmed-cv',
              label:
                'Move to the private messenger, but send only a trimmed summary without clearance or programme names',
              next: 'off-platform',
              feedback:
                'Leaving out the most sensitive details shows good instinct, but you have still moved the conversation ' +
                'somewhere that is harder to monitor and easier to hide, and you have gone along with keeping it from your ' +
                'employer.',
              redFlags: ['move-off-platform', 'secrecy-request'],
              points: 1,
            },
            {
              id: 'full-summary',
              label:
                'Send the one-page summary she asks for to her personal email. Defence recruiters always ask about clearance',
              next: 'off-platform',
              feedback:
                'A genuine recruiter may ask whether you can obtain or hold a clearance, but has no need for programme ' +
                'names, customers or team sizes, and would not need you to hide the process from your employer. You have ' +
                'now sent that detail to a personal address belonging to someone you cannot verify.',
              redFlags: ['sensitive-topic-drift', 'move-off-platform', 'secrecy-request'],
              points: 0,
            },
          ],
          position: { x: 1200, y: 160 },
        },
        {
          id: 'off-platform',
          title: 'Off the platform',
          narrative: paragraphs(
            'The conversation continues on the private messenger. The next evening Rebecca has news.',
            'None of these questions is about your skills or experience. All of them are about the programme you work on.',
          ),
          artefacts: [
            {
              kind: 'thread',
              platform: 'Private messenger',
              participants: [RECRUITER, 'You'],
              messages: [
                {
                  from: RECRUITER,
                  at: 'Tue 19:32',
                  body:
                    'Great news, the client loved your background! Their technical director would like a quick informal ' +
                    'chat before the formal interview.',
                },
                {
                  from: RECRUITER,
                  at: 'Tue 19:33',
                  body:
                    "To make the best use of his time, he's sent a few questions in advance. Roughly how big is your " +
                    'current team? Which vessels is your system being fitted to? Where are you on the delivery schedule? ' +
                    "And did last year's sea trials go smoothly? Just broad strokes, nothing confidential 😊",
                },
              ],
            },
          ],
          choices: [
            {
              id: 'stop-and-report',
              label:
                "Stop replying, keep the whole chat, and report everything to security, including what you've sent",
              next: 'late-recovery',
              feedback:
                'The right move, even this late. The questions have drifted from your career to your programme. Telling ' +
                'security exactly what you have already shared lets them judge the damage and protect you and the project.',
              redFlags: ['sensitive-topic-drift', 'move-off-platform'],
              points: 2,
            },
            {
              id: 'answer-broadly',
              label:
                "Answer in broad strokes. Team size and 'on schedule' aren't secrets, and it keeps the opportunity alive",
              next: 'technical-call',
              feedback:
                'Elicitation works exactly like this: each answer seems harmless on its own, but together they build a ' +
                "picture of a sensitive programme. 'Broad strokes, nothing confidential' is reassurance aimed at you, not " +
                'a description of what they want.',
              redFlags: ['sensitive-topic-drift'],
              points: 0,
            },
            {
              id: 'go-silent',
              label:
                "Block her and delete the chat. You haven't shared anything classified, so there's nothing to report",
              next: 'unreported',
              feedback:
                'Walking away stops the questions, but deleting the chat destroys the evidence, and not reporting leaves ' +
                'security unaware of what she already has. Whether something was classified is not the test for reporting.',
              redFlags: ['sensitive-topic-drift', 'move-off-platform'],
              points: 0,
            },
          ],
          position: { x: 1500, y: 160 },
        },
        {
          id: 'technical-call',
          title: 'The technical director',
          narrative: paragraphs(
            "On Thursday evening you have a forty-minute video call with a man introduced as the client's technical director, " +
              "'Michael'. His camera 'isn't working'. He is knowledgeable and friendly, and his questions become steadily more " +
              'specific: the detection performance you are achieving, what went wrong in trials, and which contractor supplies ' +
              'the array. You answer some of it loosely and deflect the rest.',
            'The next morning an email arrives at your personal address.',
          ),
          artefacts: [
            {
              kind: 'email',
              from: 'Michael Hart <m.hart@vcx-partners.example>',
              to: 'Your personal email address',
              subject: 'Our conversation: next steps',
              sentAt: 'Fri 07:18',
              body: paragraphs(
                'Thank you for your time last night. Very impressive.',
                'Before we make a formal offer, the board would value a short written note (two or three pages) setting out ' +
                  'the main technical challenges your current programme has faced and how your team resolved them. We will ' +
                  'of course pay a consultancy fee of £3,000 for your time, whatever the outcome.',
                'Given the sensitivity of the recruitment, please send it to this address only and do not discuss it with ' +
                  'your current employer.',
                'Kind regards,\nMichael',
              ),
            },
          ],
          choices: [
            {
              id: 'report',
              label:
                'Write nothing. Report the whole approach to security today, including the call and what you said',
              next: 'late-recovery',
              feedback:
                "Right, and urgent. A paid written account of your programme's problems, sent in secret to an " +
                'unverifiable address, is the goal this whole approach has been working towards. Report now, however ' +
                'awkward the conversation feels.',
              redFlags: ['paid-reports', 'secrecy-request', 'sensitive-topic-drift'],
              points: 2,
            },
            {
              id: 'write-note',
              label:
                "Write the note, sticking to what you're fairly sure is unclassified. It's the last step to a huge offer",
              next: 'compromised',
              feedback:
                "A paid, secret document about your programme's difficulties is exactly what a hostile service wants, " +
                'and your own judgement of what is unclassified, under pressure, is not a safeguard. There was never going ' +
                'to be a job.',
              redFlags: ['paid-reports', 'secrecy-request', 'sensitive-topic-drift', 'too-good-to-be-true'],
              points: 0,
            },
            {
              id: 'withdraw-quietly',
              label:
                "Reply that you're withdrawing from the process, then block them. You've said no, so it's over",
              next: 'unreported',
              feedback:
                'Saying no is good, but it is not over: they already have your CV details, your answers from the call and ' +
                'your personal contact details. Security needs to know what was shared so they can limit the damage and ' +
                'watch for a second approach.',
              redFlags: ['paid-reports', 'secrecy-request'],
              points: 0,
            },
          ],
          position: { x: 1800, y: 160 },
        },
        {
          id: 'colleague-mention',
          title: 'A conversation in the canteen',
          narrative: paragraphs(
            'About ten days later you are having lunch with Priya, a systems engineer in your team. She mentions, half ' +
              "joking, that a recruiter called Rebecca has offered her an interview for a remote principal role 'on silly " +
              "money', and has asked for a one-page summary of the programmes she has worked on.",
            "Priya hasn't sent anything yet, but she's tempted. 'It can't hurt to see what they're offering, can it?'",
          ),
          choices: [
            {
              id: 'report-both',
              label:
                'Tell Priya what you found, and suggest you report both approaches to security together, today',
              next: 'reported-early',
              feedback:
                'Best response. Two approaches from the same persona in one team is exactly the pattern security needs to ' +
                'see, and going together makes it easier for Priya. Reporting is not an admission of doing anything wrong.',
              redFlags: ['unsolicited-approach', 'sensitive-topic-drift', 'too-good-to-be-true'],
              points: 3,
            },
            {
              id: 'report-own',
              label:
                "Report the request you received, but leave Priya out of it. It's her decision and you don't want to embarrass her",
              next: 'reported-early',
              feedback:
                'Reporting your own approach is right, but security also needs to know that a colleague is being actively ' +
                'worked on and asked for programme details. Encourage Priya to report, and reassure her that it is a ' +
                'security matter, not a disciplinary one.',
              redFlags: ['unsolicited-approach', 'sensitive-topic-drift'],
              points: 2,
            },
            {
              id: 'warn-only',
              label:
                "Tell Priya it's almost certainly fake and she should ignore it. No need to make it official",
              next: 'unreported',
              feedback:
                'A warning between colleagues helps Priya, but the persona keeps working on everyone else. Only a report ' +
                'gets the profile investigated, colleagues warned and the pattern recorded.',
              redFlags: ['unsolicited-approach', 'sensitive-topic-drift'],
              points: 0,
            },
          ],
          position: { x: 900, y: 480 },
        },
        {
          id: 'reported-early',
          title: 'Reported before it started',
          narrative:
            "You send the security team screenshots of Rebecca's profile and note, together with what you found about Vantage " +
            'Cross. They thank you within the hour.',
          ending: {
            outcome: 'safe',
            debrief: paragraphs(
              'What happened: security logged your report and passed the profile to LinkedIn, which removed it a few days ' +
                'later. Yours was the second report about Rebecca that month. Security sent a short notice to the Maritime ' +
                'Sensors division, and two colleagues who had already accepted her request came forward; one had been asked ' +
                'for a summary of their programmes and had not yet replied.',
              'Why it matters: a persona like this is built to be good enough to survive a glance. It needs many people to ' +
                'accept and a few to engage. Each report shortens its life and protects the colleagues it has not reached yet.',
              'Red flags present: an unsolicited approach from someone you could not verify; profile anomalies (a ' +
                'three-month-old account claiming ten years of experience, unnamed former employers, 47 connections ' +
                'concentrated in defence, no endorsements); a company with no verifiable staff, clients or history; and ' +
                'flattery from the first line.',
              'What to do: look properly before you connect, check companies independently, and report anything suspicious ' +
                'to your security team, even if you ignored or declined it. If it was only a colleague mentioning a similar ' +
                'approach that prompted you, that still helped. Next time, report on the day: you will rarely hear about the ' +
                'other people being targeted.',
            ),
          },
          position: { x: 1200, y: 0 },
        },
        {
          id: 'reported-after-contact',
          title: 'Reported before anything sensitive went out',
          narrative:
            'You stop replying, take screenshots of the whole conversation and send them to the security team with a short ' +
            'note of how it started.',
          ending: {
            outcome: 'safe',
            debrief: paragraphs(
              'What happened: security thanked you and asked you not to reply or delete anything while they looked into it. ' +
                'The firm turned out to have no staff, clients or trading history. The platform removed the profile, and ' +
                'security briefed your division. You had shared nothing about your programme.',
              'Why it matters: engaging briefly is common, and it is not a failure. What matters is recognising the pattern ' +
                'early: a package far above the market, praise out of all proportion, a client who cannot be named, a request ' +
                'for programme, customer and clearance details, pressure to move to private channels, and a request to keep ' +
                'it from your employer.',
              'Red flags present: unsolicited approach; flattery; too good to be true; unverifiable company; and, if the ' +
                'conversation went that far, sensitive-topic drift, pressure to move off the platform and a request for secrecy.',
              'What to do: the moment a recruiter asks for sensitive detail, pushes you to private channels or asks you to ' +
                'keep quiet, stop and report. Keep the messages; they are evidence and help the platform act.',
            ),
          },
          position: { x: 1500, y: 0 },
        },
        {
          id: 'late-recovery',
          title: 'Reported late, but reported',
          narrative:
            'You stop all contact and tell the security team everything: how it began, what you sent, where the conversation ' +
            'moved to and what you said.',
          ending: {
            outcome: 'safe',
            debrief: paragraphs(
              'What happened: the security team took a full account from you and assessed what had been shared. They ' +
                "briefed the programme's security lead, arranged for the platform to remove the profile and told you what " +
                'to do if anyone got in touch again. It was an uncomfortable conversation, but because you came forward it ' +
                'was handled with you rather than about you.',
              'Why it matters: by the end, the approach had your personal contact details, a picture of your career and, ' +
                'depending on what you said, some information about your programme: useful to a hostile service, and the ' +
                'basis for its next request. Reporting stopped it there and gave security what they needed to limit the damage.',
              'Red flags present: unsolicited approach; profile anomalies; an unverifiable company; flattery; a package too ' +
                'good to be true; pressure to move off the platform; a request for secrecy; questions drifting towards your ' +
                'programme; and, if it got that far, a paid written "report".',
              'What to do: report as early as you can, but never decide it is too late. What you have already shared is ' +
                'exactly what security need to hear about. Keep every message, do not delete accounts or chats, and let ' +
                'them advise on whether to reply.',
            ),
          },
          position: { x: 2100, y: 0 },
        },
        {
          id: 'compromised',
          title: 'The note',
          narrative:
            'You spend the weekend on the note and send it to Michael on Sunday night. He replies warmly within minutes, and ' +
            'the £3,000 arrives on Tuesday from a payments company you have never heard of.',
          ending: {
            outcome: 'compromised',
            debrief: paragraphs(
              "What happened: the formal offer never came. Instead, Michael asked for a 'follow-up note' on a particular " +
                'trial result, for a larger fee. Your note, added to the summary you sent and what you said on the call, ' +
                'gave a foreign service a useful picture of the weaknesses of a naval sonar programme and of the people ' +
                'working on it. It also gave them leverage: a secret, paid document sent from your personal account, which ' +
                'your employer knows nothing about.',
              'Why it happened: each step was small and had a plausible reason: a connection, a CV, a move to a private ' +
                'chat, some broad answers, a paid note. The flattery and the promised salary made you want it to be real, ' +
                'and each step you took made the next one harder to refuse.',
              'Red flags present: unsolicited approach; profile anomalies; an unverifiable company; flattery; a package too ' +
                'good to be true; pressure to move off the platform; requests for secrecy; questions drifting towards your ' +
                'programme; and money for a written "report".',
              'What to do: even now, stop all contact, keep everything and report to your security team immediately. People ' +
                'who have been drawn in and come forward can be protected and supported. People who try to manage it ' +
                'alone are the ones who end up being pressured for more.',
            ),
          },
          position: { x: 2100, y: 160 },
        },
        {
          id: 'unreported',
          title: 'Nobody told security',
          narrative: 'You put the whole thing behind you, and tell no one.',
          ending: {
            outcome: 'compromised',
            debrief: paragraphs(
              "What happened: Rebecca's profile stayed live for another two months. In that time it approached more than a " +
                'dozen Marlbrook staff; at least one sent a detailed summary of the programmes they had worked on. When a ' +
                'report finally reached security, your name was among her connections, and they had to ask you what had ' +
                'passed between you.',
              'Why it matters: walking away protected you from the next step, but it did not protect the organisation. ' +
                'Anything you had shared, even just the fact that you respond to approaches, was known to the other side ' +
                'and not to the people whose job is to protect you and the programme. Security teams can only connect the ' +
                'dots they are given.',
              'Red flags present: unsolicited approach; profile anomalies; an unverifiable company; flattery; and, ' +
                'depending on how far it went, a package too good to be true, pressure to move off the platform, a request ' +
                'for secrecy and questions drifting towards your programme.',
              'What to do: always report suspicious approaches, whether you ignored them, declined them or walked away ' +
                'part-way through, and encourage colleagues to do the same. Keep messages rather than deleting them. ' +
                'Reporting is not an accusation and not an admission; it is how a campaign gets noticed.',
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
          id: 'strongest-profile-sign',
          kind: 'single',
          prompt:
            "Which detail of Rebecca Lyndon's profile most strongly suggests it is a built persona rather than a real recruiter?",
          options: [
            {
              id: 'new-account-defence-network',
              label:
                'A three-month-old account claiming ten years of experience, with a small network concentrated in defence firms',
              correct: true,
            },
            {
              id: 'professional-headshot',
              label: 'She uses a professional-looking headshot',
              correct: false,
            },
            { id: 'london-location', label: 'She gives her location as London', correct: false },
            {
              id: 'reposts-articles',
              label: 'She reposts articles about engineering leadership',
              correct: false,
            },
          ],
          explanation:
            'A headshot, a London location or reposting articles are all normal. What does not fit is the combination of a ' +
            'brand-new account, a long claimed career with unnamed employers, and a network built almost entirely from people ' +
            'in the sector being targeted.',
          redFlags: ['profile-anomalies'],
        },
        {
          id: 'first-approach-flags',
          kind: 'multiple',
          prompt: "Which of these are red flags in a recruiter's first messages? Select all that apply.",
          options: [
            {
              id: 'pay-far-above-market',
              label: 'A package far above the market rate for a role that is barely described',
              correct: true,
            },
            {
              id: 'move-to-private',
              label: 'A request to continue on a private messenger or personal email',
              correct: true,
            },
            {
              id: 'programme-and-clearance',
              label: 'A request for the programmes you worked on, their customers and your clearance level',
              correct: true,
            },
            {
              id: 'keep-it-quiet',
              label: 'A suggestion that you keep the conversation from your employer',
              correct: true,
            },
            {
              id: 'mentions-job-title',
              label: 'The note mentions your job title, which is on your public profile',
              correct: false,
            },
          ],
          explanation:
            'Genuine recruiters read your profile, so mentioning your job title is normal. Inflated pay, pressure to move off ' +
            'the platform, interest in programmes and customers rather than your skills, and requests for secrecy are all ' +
            'warning signs, and together they form a pattern.',
          redFlags: ['too-good-to-be-true', 'move-off-platform', 'sensitive-topic-drift', 'secrecy-request'],
        },
        {
          id: 'mutual-connections',
          kind: 'single',
          prompt:
            'Three colleagues from your own division are already connected to a recruiter you do not recognise. What does that tell you?',
          options: [
            {
              id: 'very-little',
              label:
                'Very little: fake profiles collect connections inside a target organisation to look familiar',
              correct: true,
            },
            { id: 'vetted', label: 'That the recruiter has been vetted by people you trust', correct: false },
            {
              id: 'safe-to-accept',
              label: 'That it is safe to accept, as long as you do not share anything classified',
              correct: false,
            },
            {
              id: 'ask-colleagues-only',
              label: 'Nothing to report: ask your colleagues instead of involving security',
              correct: false,
            },
          ],
          explanation:
            'Most people accept requests without checking, so mutual connections are social proof rather than verification. ' +
            'A persona whose network is concentrated in one organisation is more worrying, not less.',
          redFlags: ['profile-anomalies', 'unsolicited-approach'],
        },
        {
          id: 'verify-company',
          kind: 'multiple',
          prompt:
            'Which of these are sound ways to check whether a recruitment firm is genuine? Select all that apply.',
          options: [
            {
              id: 'company-register',
              label: 'Look it up in the official company register: age, directors, registered office',
              correct: true,
            },
            {
              id: 'real-staff',
              label: 'See whether other people with real, checkable careers list the firm as their employer',
              correct: true,
            },
            {
              id: 'independent-sources',
              label: 'Search the trade press and industry bodies for any record of its work',
              correct: true,
            },
            {
              id: 'ask-recruiter',
              label: 'Ask the recruiter for a link proving the firm is genuine',
              correct: false,
            },
            { id: 'website-looks-good', label: 'Check that its website looks professional', correct: false },
          ],
          explanation:
            'Verify through sources the approacher does not control. Links and "proof" supplied by the recruiter can be ' +
            'fabricated, and a professional-looking website takes an afternoon to build.',
          redFlags: ['unverifiable-company'],
        },
        {
          id: 'why-report-declined',
          kind: 'single',
          prompt:
            'You declined a suspicious connection request and never replied. Why should you still report it to your security team?',
          options: [
            {
              id: 'spot-campaigns',
              label:
                'Security can link it to approaches to other staff, warn colleagues and get the profile investigated',
              correct: true,
            },
            {
              id: 'policy-box',
              label: 'Only because the policy says so; declining has already dealt with the risk',
              correct: false,
            },
            {
              id: 'discipline',
              label: 'So that security can check whether you did anything wrong',
              correct: false,
            },
            {
              id: 'no-need',
              label: "You should not: it wastes the security team's time if you did not engage",
              correct: false,
            },
          ],
          explanation:
            'Hostile services approach many people at once. A single report looks minor; several reports about one persona ' +
            'reveal a campaign. Reports are about protecting people, not investigating them.',
          redFlags: ['unsolicited-approach'],
        },
        {
          id: 'keep-between-us',
          kind: 'single',
          prompt:
            "A recruiter asks you to keep the conversation 'between us' because your employer might make an awkward counter-offer. How should you treat this?",
          options: [
            {
              id: 'secrecy-flag',
              label: 'As a request for secrecy: a serious red flag and a reason to report',
              correct: true,
            },
            {
              id: 'normal-practice',
              label: 'As normal practice: discretion is standard in executive search',
              correct: false,
            },
            {
              id: 'tell-manager-later',
              label: 'As fine for now, provided you tell your manager if you get an offer',
              correct: false,
            },
            {
              id: 'ask-why',
              label: 'As harmless, provided the recruiter explains the reason',
              correct: false,
            },
          ],
          explanation:
            'Recruiters are discreet about who they are talking to, but a legitimate process never depends on you hiding ' +
            'contact from your own security team. Anyone who needs you isolated has a reason for it.',
          redFlags: ['secrecy-request'],
        },
        {
          id: 'broad-strokes',
          kind: 'single',
          prompt:
            "Before an 'interview', you are asked for your team size, the vessels your system is fitted to, the delivery schedule and how trials went: 'just broad strokes'. What is happening?",
          options: [
            {
              id: 'elicitation',
              label:
                'Elicitation: small, reasonable-sounding questions that together build a picture of a sensitive programme',
              correct: true,
            },
            {
              id: 'normal-screening',
              label: 'Normal technical screening for a senior engineering role',
              correct: false,
            },
            {
              id: 'fine-if-public',
              label: 'Nothing to worry about, provided each answer could be found somewhere public',
              correct: false,
            },
          ],
          explanation:
            'Interviews test your skills, not your current programme. Questions that move from you to your project are ' +
            'sensitive-topic drift, even when each answer seems harmless on its own.',
          redFlags: ['sensitive-topic-drift'],
        },
      ],
    },
  },
};
