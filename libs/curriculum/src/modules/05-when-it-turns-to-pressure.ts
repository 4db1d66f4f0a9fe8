import { BUILT_IN_RETRY_POLICY, type BuiltInModule, paragraphs } from './types.js';

/*
 * Module 5 — "When it turns to pressure".
 *
 * The learner, a test and evaluation manager at the fictional Marlbrook Defence Engineering, has
 * spent eight months writing undeclared, paid "market reports" for a consultancy persona and has
 * accepted its hospitality, including a retreat abroad. The scenario opens as the contact asks for
 * a classified test report and, when the learner hesitates, hints at photographs and payment
 * records. The learner chooses whether to comply, pay, confront, hide or report; the reporting
 * route then covers whom to tell, what to bring, telling the whole story, and what to do when the
 * contact writes again. All names, firms and addresses are invented (".example" domains).
 *
 * Graph (columns left to right):
 *   how-it-stands → the-hint → the-repayment | the-confrontation → telling-security
 *        │              └──────────────────────────────────────────→ telling-security
 *        ├→ telling-security → what-to-bring → friday-message
 *        │                          └──────→ the-gaps → friday-message
 *        └→ the-handover (also from the-repayment and the-confrontation)
 *   endings: reported-in-full (safe), late-recovery (safe, partial), partial-account,
 *            compromised, hidden (compromised)
 */

const CONTACT = 'Martin Keane';
const CONTACT_EMAIL = 'Martin Keane <martin.keane@ashgrove-insight.example>';

export const whenItTurnsToPressure: BuiltInModule = {
  slug: 'when-it-turns-to-pressure',
  track: 'think-before-you-link',
  order: 5,
  title: 'When it turns to pressure',
  summary:
    'A generous contact you have written paid reports for starts asking for more, and hints at what could come out if you refuse. Decide what to do, whom to tell and what not to do.',
  estimatedMinutes: 15,
  content: {
    scenario: {
      start: 'how-it-stands',
      steps: [
        {
          id: 'how-it-stands',
          title: 'A step up',
          narrative: paragraphs(
            "You are a test and evaluation manager in Marlbrook Defence Engineering's Electronic Warfare division, " +
              'responsible for trials of a classified airborne jamming system.',
            'Eight months ago, Martin Keane of Ashgrove Insight Partners contacted you on LinkedIn about "market ' +
              'insight" work. Since then you have written him four short reports on trends in the electronic-warfare ' +
              'market, for £11,500 in all, paid into your personal account. He has taken you to dinner in London ' +
              "twice, and in the spring Ashgrove flew you business class to a three-day 'partners' retreat' abroad, " +
              'where the hospitality was lavish and the evenings were long.',
            'None of it has been declared to Marlbrook. Each report felt harmless when you wrote it: public sources ' +
              'and your own opinions. Some time ago the conversation moved to a private messaging app. Tonight, a new ' +
              'message arrives there.',
          ),
          artefacts: [
            {
              kind: 'thread',
              platform: 'Private messenger',
              participants: [CONTACT, 'You'],
              messages: [
                {
                  from: CONTACT,
                  at: 'Mon 21:06',
                  body:
                    'Evening! The client is delighted with the last piece. Now for something more substantial: they would ' +
                    'like to see the actual test report from your spring trials campaign. The full document, please, ' +
                    'rather than a summary.',
                },
                {
                  from: CONTACT,
                  at: 'Mon 21:07',
                  body:
                    "I appreciate it's a step up, so the fee will reflect that: £15,000. Could you get it to me by the " +
                    'end of next week?',
                },
              ],
            },
          ],
          choices: [
            {
              id: 'stop-and-report',
              label:
                "Don't reply. Ask the security team for a confidential conversation tomorrow, and tell them everything",
              next: 'telling-security',
              feedback:
                'The right decision, and the hardest. A request for a classified test report is what this relationship ' +
                'has been building towards, and reporting before you hand anything over is what protects you.',
              redFlags: ['paid-reports', 'sensitive-topic-drift'],
              points: 3,
            },
            {
              id: 'decline-offer-more',
              label: "Tell Martin you can't share test reports, but offer him another market piece instead",
              next: 'the-hint',
              feedback:
                'Refusing the report is right, but offering more paid work keeps the undeclared relationship alive and ' +
                'tells Martin you are still in. He knows what he has already paid for, and so do you.',
              redFlags: ['paid-reports', 'sensitive-topic-drift'],
              points: 1,
            },
            {
              id: 'send-summary',
              label:
                'Send a short summary of the results instead: no document, nothing marked, just your own words',
              next: 'the-handover',
              feedback:
                'A summary of classified results in your own words is still classified information, and passing it on ' +
                'is a serious offence. It also shows Martin that asking for more works.',
              redFlags: ['sensitive-topic-drift', 'paid-reports'],
              points: 0,
            },
          ],
          position: { x: 0, y: 160 },
        },
        {
          id: 'the-hint',
          title: 'Our arrangement',
          narrative: paragraphs(
            "Martin's reply comes just before midnight, to your personal email.",
            'You read it three times.',
          ),
          artefacts: [
            {
              kind: 'email',
              from: CONTACT_EMAIL,
              to: 'Your personal email address',
              subject: 'Our arrangement',
              sentAt: 'Mon 23:48',
              body: paragraphs(
                'I think there may be a misunderstanding about our relationship.',
                'The client has invested a good deal in you over the past eight months: £11,500 in fees, the dinners, ' +
                  'the retreat. They have been patient and generous, and they expect the relationship to develop.',
                'I am sure neither of us would want Marlbrook to hear about our arrangement from anyone but you. And ' +
                  'there are some lively photographs from the retreat that I would hate to see misunderstood.',
                "The full report, please, by Friday week. Let's keep things friendly.",
                'M.',
              ),
            },
          ],
          choices: [
            {
              id: 'report',
              label: 'Reply to nothing, keep everything, and go to the security team first thing tomorrow',
              next: 'telling-security',
              feedback:
                'Right. This is a veiled threat, and threats work only while you stay silent. Security teams have dealt ' +
                'with this before and would far rather hear about it now.',
              redFlags: ['compromise-or-threat', 'paid-reports'],
              points: 2,
            },
            {
              id: 'pay-back',
              label: 'Offer to repay the whole £11,500 if he deletes the photographs and leaves you alone',
              next: 'the-repayment',
              feedback:
                'It feels like a clean way out, but the money was never what they wanted. Offering to pay tells Martin ' +
                'the threat has landed, and leaves him holding everything.',
              redFlags: ['compromise-or-threat', 'financial-pressure'],
              points: 0,
            },
            {
              id: 'confront',
              label:
                "Ring him and tell him you know exactly what he is, and that you'll go to the police if he contacts you again",
              next: 'the-confrontation',
              feedback:
                'Understandable anger, but confronting him alone warns the people behind him, invites them to move ' +
                'first and does nothing to protect you. Let security decide how, and whether, anyone responds.',
              redFlags: ['compromise-or-threat'],
              points: 0,
            },
          ],
          position: { x: 300, y: 160 },
        },
        {
          id: 'the-repayment',
          title: 'Not for sale',
          narrative: 'You email Martin offering to repay everything. His answer is brief.',
          artefacts: [
            {
              kind: 'email',
              from: CONTACT_EMAIL,
              to: 'Your personal email address',
              subject: 'Re: Our arrangement',
              sentAt: 'Tue 20:15',
              body: paragraphs(
                'That is kind, but you misunderstand. The client is not short of money.',
                'What they value is the relationship. The photographs and the payment records will stay safely with us ' +
                  'for as long as our friendship continues.',
                'Friday week.',
                'M.',
              ),
            },
          ],
          choices: [
            {
              id: 'report',
              label: 'Stop trying to fix it yourself. Keep every message and go to the security team',
              next: 'telling-security',
              feedback:
                'Right. The material is not for sale; the only thing that takes its power away is your employer knowing ' +
                'about it.',
              redFlags: ['compromise-or-threat'],
              points: 2,
            },
            {
              id: 'comply',
              label: 'Send the report this once, on condition that it ends there',
              next: 'the-handover',
              feedback:
                "There is no 'this once'. Handing over a classified report turns a breach of policy into a serious crime, " +
                'and gives Martin something far more powerful than photographs to hold over you.',
              redFlags: ['compromise-or-threat', 'sensitive-topic-drift'],
              points: 0,
            },
            {
              id: 'hide',
              label: 'Delete the emails and chats, close your personal email account, and hope he gives up',
              next: 'hidden',
              feedback:
                'Deleting destroys your evidence of being pressured, not the copies Martin holds. It also looks like ' +
                'concealment, which is much harder to explain later than the original mistake.',
              redFlags: ['compromise-or-threat'],
              points: 0,
            },
          ],
          position: { x: 600, y: 0 },
        },
        {
          id: 'the-confrontation',
          title: 'The police?',
          narrative:
            'Martin lets you finish and rings off without a word. A few minutes later, the messaging app chimes.',
          artefacts: [
            {
              kind: 'thread',
              platform: 'Private messenger',
              participants: [CONTACT, 'You'],
              messages: [
                {
                  from: CONTACT,
                  at: 'Tue 19:31',
                  body:
                    '[Image: a screenshot of a payment of £4,000 into your personal account, with your name and account ' +
                    'number visible]',
                },
                {
                  from: CONTACT,
                  at: 'Tue 19:31',
                  body: "[Image: you at the retreat's bar late at night, glass in hand, in company you would rather not explain]",
                },
                {
                  from: CONTACT,
                  at: 'Tue 19:33',
                  body:
                    'The police? And what would you tell them: that you have been selling reports for eight months? ' +
                    'Delete this conversation, for both our sakes. Friday week.',
                },
              ],
            },
          ],
          choices: [
            {
              id: 'report',
              label:
                "Don't reply. Keep everything, including what he has just sent, and go to the security team",
              next: 'telling-security',
              feedback:
                'Right. The confrontation has made the threat explicit and told him you are rattled; now let the people ' +
                'who deal with this take it from here.',
              redFlags: ['compromise-or-threat'],
              points: 2,
            },
            {
              id: 'comply',
              label: 'Send him the report: he holds all the cards, and this will make it stop',
              next: 'the-handover',
              feedback:
                'He holds cards only while you keep them secret, and handing over the report gives him a far stronger ' +
                'one. It will not make it stop: it proves that pressure works.',
              redFlags: ['compromise-or-threat', 'sensitive-topic-drift'],
              points: 0,
            },
            {
              id: 'delete',
              label:
                'Do as he says: delete the conversation and your personal email account, and say nothing',
              next: 'hidden',
              feedback:
                "'For both our sakes' means for his. Deleting removes your evidence of being coerced and leaves his " +
                'copies untouched.',
              redFlags: ['compromise-or-threat'],
              points: 0,
            },
          ],
          position: { x: 600, y: 320 },
        },
        {
          id: 'telling-security',
          title: 'Whom to tell',
          narrative: paragraphs(
            'You have decided to tell someone. You feel sick about it, and you are not sure where to start.',
            "Marlbrook's intranet lists the security team's confidential phone line and email address, and the name of " +
              'the Security Controller, Claire Danso. Your line manager is two desks away.',
          ),
          choices: [
            {
              id: 'security-team',
              label:
                'Ask the security team for a confidential meeting tomorrow morning: dealing with this is their job',
              next: 'what-to-bring',
              feedback:
                'Right. Approaches, pressure and blackmail are what security teams handle, in confidence, and they can ' +
                'involve the right authorities if needed. The sooner they know, the more options they have.',
              redFlags: ['compromise-or-threat', 'paid-reports'],
              points: 3,
            },
            {
              id: 'manager-first',
              label: 'Tell your line manager first, and ask them to come with you to see security',
              next: 'what-to-bring',
              feedback:
                'Reasonable if it helps you take the step, and a good manager will support you. But save the detail for ' +
                'security, who are trained to handle it, and make sure it does not stop with your manager.',
              redFlags: ['compromise-or-threat'],
              points: 2,
            },
            {
              id: 'clean-up-first',
              label:
                "First delete the chats and photos you're most embarrassed by, then go to security with the rest",
              next: 'the-gaps',
              feedback:
                "Deleting evidence before you report is the worst of both worlds: it doesn't touch Martin's copies, and " +
                'it turns an honest report into a partial one. Security has seen embarrassing material before; what they ' +
                'need is all of it.',
              redFlags: ['compromise-or-threat', 'secrecy-request'],
              points: 0,
            },
          ],
          position: { x: 900, y: 0 },
        },
        {
          id: 'the-handover',
          title: 'A few follow-ups',
          narrative:
            "Martin's response to what you sent is warm, even effusive. Two days later the next request arrives.",
          artefacts: [
            {
              kind: 'thread',
              platform: 'Private messenger',
              participants: [CONTACT, 'You'],
              messages: [
                {
                  from: CONTACT,
                  at: 'Thu 22:10',
                  body:
                    'Very useful, thank you. The client has a few follow-ups: the dates of your next trials campaign, the ' +
                    'names of the people on your test team, and the build standard of the system you tested.',
                },
                {
                  from: CONTACT,
                  at: 'Thu 22:11',
                  body:
                    'They would also love you to join another retreat, on the same terms as before. And, as I hope goes ' +
                    'without saying, not a word to anyone.',
                },
              ],
            },
          ],
          choices: [
            {
              id: 'report-now',
              label: 'Stop now. Tell the security team everything, including what you have already sent',
              next: 'late-recovery',
              feedback:
                'Still the right move, and more urgent than ever. Security needs to know exactly what was disclosed to ' +
                'limit the damage, and coming forward yourself matters a great deal to how it is handled.',
              redFlags: ['compromise-or-threat', 'sensitive-topic-drift', 'secrecy-request'],
              points: 2,
            },
            {
              id: 'continue',
              label: "Answer the follow-ups: you're in too deep to stop now",
              next: 'compromised',
              feedback:
                "'Too deep to stop' is exactly the belief the pressure is designed to create. Each answer adds to what " +
                'they hold and to the harm done, and there is always a way out through your security team.',
              redFlags: ['compromise-or-threat', 'sensitive-topic-drift'],
              points: 0,
            },
            {
              id: 'vanish',
              label: 'Delete everything, block him and never respond again',
              next: 'hidden',
              feedback:
                'They already have what you sent, and they know you are hiding it. Silence leaves the damage unassessed ' +
                'and leaves you exposed to the next approach.',
              redFlags: ['compromise-or-threat', 'secrecy-request'],
              points: 0,
            },
          ],
          position: { x: 900, y: 480 },
        },
        {
          id: 'what-to-bring',
          title: 'What to bring',
          narrative:
            'Claire Danso agrees to see you at nine the next morning, in confidence. Before you go, you gather what you ' +
            'have.',
          choices: [
            {
              id: 'everything',
              label:
                'Everything: every message and email, the payment records, copies of your four reports, the retreat invitation and receipts, and a written timeline',
              next: 'friday-message',
              feedback:
                'Right. The full record shows how the relationship was built and how it turned, which protects you, and ' +
                'it is what security needs to assess what was shared and to deal with the people behind it.',
              redFlags: ['paid-reports', 'compromise-or-threat', 'travel-abroad'],
              points: 3,
            },
            {
              id: 'summary-only',
              label:
                'A careful written summary instead of the originals: the originals are embarrassing, and your summary covers what matters',
              next: 'the-gaps',
              feedback:
                'A timeline helps, but it is no substitute for the originals: security needs the exact words, dates, ' +
                'accounts and payment details to assess what happened and to act. Bring both.',
              redFlags: ['compromise-or-threat'],
              points: 1,
            },
            {
              id: 'threat-only',
              label:
                "Just the threatening messages: that's the problem to solve, and the earlier reports were harmless",
              next: 'the-gaps',
              feedback:
                'The threat only makes sense with the history behind it, and security will find the gaps. An account ' +
                'that leaves out the payments looks like concealment, which is far more damaging than the payments.',
              redFlags: ['compromise-or-threat', 'paid-reports'],
              points: 0,
            },
          ],
          position: { x: 1200, y: 0 },
        },
        {
          id: 'the-gaps',
          title: 'Anything else?',
          narrative: paragraphs(
            'Claire listens carefully and takes notes. She does not seem shocked.',
            "Then she says, gently: 'Thank you. This is really helpful. I have to ask: is there anything else? " +
              "People often hold back the part they're most worried about, and it is much better for you if we hear " +
              "it from you now.'",
          ),
          choices: [
            {
              id: 'tell-all',
              label:
                'Tell her everything, including what you left out or deleted, and offer to bring the rest',
              next: 'friday-message',
              feedback:
                'Right. Security can work with an embarrassing truth, but not with a story that later turns out to be ' +
                'incomplete.',
              redFlags: ['compromise-or-threat', 'paid-reports'],
              points: 2,
            },
            {
              id: 'insist',
              label: "Tell her that's everything: the rest is private and has nothing to do with the threat",
              next: 'partial-account',
              feedback:
                'The rest is exactly what the threat is about. If it emerges later, as it usually does, it will look ' +
                'like concealment, and the trust that protects you in this room will be gone.',
              redFlags: ['compromise-or-threat', 'secrecy-request'],
              points: 0,
            },
          ],
          position: { x: 1500, y: 320 },
        },
        {
          id: 'friday-message',
          title: 'The night before Friday',
          narrative: paragraphs(
            'Claire thanks you and explains what happens next: security will take it from here, working with the ' +
              'authorities where needed. In the meantime she asks you not to reply to Martin, not to block him and not ' +
              'to delete anything, and to pass on anything new straight away.',
            'On Thursday evening, a message arrives.',
          ),
          artefacts: [
            {
              kind: 'thread',
              platform: 'Private messenger',
              participants: [CONTACT, 'You'],
              messages: [
                {
                  from: CONTACT,
                  at: 'Thu 21:58',
                  body: 'Tomorrow is Friday. I do hope you have good news for me. It would be such a shame to spoil things.',
                },
              ],
            },
          ],
          choices: [
            {
              id: 'follow-advice',
              label: "Don't reply. Screenshot it and send it to Claire, as agreed",
              next: 'reported-in-full',
              feedback:
                'Exactly right. Every new message is evidence, and leaving the response to security keeps you out of a ' +
                'confrontation you do not need.',
              redFlags: ['compromise-or-threat'],
              points: 3,
            },
            {
              id: 'block',
              label: 'Block him everywhere, so you never have to see another message',
              next: 'reported-in-full',
              feedback:
                'Wanting it to stop is natural, but blocking without asking may cut off what security is relying on to ' +
                'see his next move. Ask them first; they may well agree.',
              redFlags: ['compromise-or-threat'],
              points: 1,
            },
            {
              id: 'tell-him',
              label: "Reply that you've gone to the authorities and he'll get nothing from you",
              next: 'reported-in-full',
              feedback:
                'Satisfying, but it warns the people behind him, who may destroy evidence, disappear and turn up again ' +
                'to approach your colleagues. Leave the response to security.',
              redFlags: ['compromise-or-threat'],
              points: 0,
            },
          ],
          position: { x: 1800, y: 0 },
        },
        {
          id: 'reported-in-full',
          title: 'In safe hands',
          narrative:
            'Over the following weeks, security and the authorities take it from there. You hear nothing more from ' +
            'Martin.',
          ending: {
            outcome: 'safe',
            debrief: paragraphs(
              "What happened: you had broken Marlbrook's rules by taking undeclared paid work and hospitality, and that " +
                'had to be dealt with. But you were treated as someone who had been targeted and had come forward, not ' +
                'as a suspect. Security assessed what your reports and the retreat might have given away, took over ' +
                'all contact and made sure the photographs and payment records had nothing left to work with: they were ' +
                'only ever useful as a threat while Marlbrook did not know.',
              'Why reporting protects you: security teams handle approaches, pressure and blackmail as part of their ' +
                'job, and in confidence. Taking undeclared paid work is usually a breach of policy, not a crime. What ' +
                'turns a mistake into a crime is what people do to keep it hidden: the document handed over to make a ' +
                'threat go away, then the next one. Reporting early breaks that chain before it starts.',
              'Red flags present: money for reports close to your work; paid travel and lavish hospitality abroad; ' +
                'contact moved to a private app and personal email; an undeclared relationship; a request for a ' +
                'classified test report; and, finally, hints of compromising material and a deadline.',
              "What to do: tell your security team as soon as you realise something is wrong; if you can't face your " +
                "own team, use your organisation's confidential reporting route. Keep everything. Don't delete " +
                "messages, don't confront the contact, don't pay, and don't hand anything over to buy time. Let " +
                'security decide how to respond.',
            ),
          },
          position: { x: 2100, y: 0 },
        },
        {
          id: 'late-recovery',
          title: 'Late, but not too late',
          narrative: 'You stop all contact and tell the security team everything, including what you sent.',
          ending: {
            outcome: 'safe',
            debrief: paragraphs(
              'What happened: security assessed what you had disclosed and worked with the authorities to limit the ' +
                'damage. There were serious consequences to face, because classified information had left your hands. ' +
                'But you stopped the flow before the requests went further, and coming forward of your own accord is ' +
                "taken into account when cases like this are handled. It also ended Martin's hold over you.",
              'Why it matters: each thing you handed over made the next request harder to refuse, because it added to ' +
                'what could be held over you. That is how pressure works, and why the moment you notice it is the ' +
                'moment to report, not after one more document.',
              'Red flags present: money for reports close to your work; paid travel and hospitality abroad; contact ' +
                'moved to a private app and personal email; an undeclared relationship; requests for classified results, ' +
                'names and schedules; hints of compromising material; and repeated demands for secrecy.',
              'What to do: report at the first sign of pressure, and never decide it is too late. Keep everything, ' +
                "don't delete or confront, and tell security exactly what has been shared: that is what lets them " +
                'protect you, your colleagues and the programme.',
            ),
          },
          position: { x: 2100, y: 160 },
        },
        {
          id: 'partial-account',
          title: 'Half the story',
          narrative:
            'You tell Claire that is everything. She thanks you, and security starts work on the threat.',
          ending: {
            outcome: 'compromised',
            debrief: paragraphs(
              "What happened: a few weeks later, security's enquiries turned up the rest: the earlier payments, the " +
                'retreat, the messages you had deleted or left out. None of it was worse than what you had already ' +
                'admitted, but the fact that you had held it back changed everything. Your clearance was suspended ' +
                'while your account was re-examined, and a situation that could have been managed with you became an ' +
                'investigation about you.',
              'Why it matters: full, early reporting protects you because it shows you have nothing left to hide, ' +
                'which takes away every lever the other side has. A partial account leaves a lever in place, and leaves ' +
                'security unable to judge what may have been given away.',
              'Red flags present: money for reports close to your work; paid travel and hospitality abroad; contact ' +
                'moved to a private app and personal email; an undeclared relationship; a request for a classified ' +
                'test report; and hints of compromising material.',
              'What to do: tell your security team everything, including the part you are most ashamed of; they have ' +
                'heard it before. If you have held something back, go back and tell them now. Correcting your account ' +
                'yourself is always better than having it discovered.',
            ),
          },
          position: { x: 2100, y: 320 },
        },
        {
          id: 'compromised',
          title: 'In too deep',
          narrative: 'You answer the follow-ups. The money arrives, and so does the next request.',
          ending: {
            outcome: 'compromised',
            debrief: paragraphs(
              'What happened: the requests never stopped. After the trials dates came the names of your team, then a ' +
                'request to bring a work laptop home for an evening. Each time you hesitated, Martin reminded you of ' +
                'what you had already sent. You had become an agent of a foreign intelligence service, committing ' +
                'serious offences that carry long prison sentences, and the longer it went on, the more likely it was ' +
                'to be discovered.',
              'Why it happened: the relationship was built to arrive here. Harmless reports and generous hospitality ' +
                'created an undeclared arrangement; the arrangement became leverage; and each document handed over to ' +
                'ease the pressure added to it. Concealment is what turned a breach of policy into a crime.',
              'Red flags present: money for reports close to your work; paid travel and hospitality abroad; contact ' +
                'moved to a private app and personal email; an undeclared relationship; requests for classified ' +
                'results, names and schedules; compromising material; and repeated demands for secrecy.',
              'What to do: even now, stop and tell your security team everything. It will be very hard, but it is the ' +
                'only way out, and every further answer makes the harm, and your position, worse.',
            ),
          },
          position: { x: 2100, y: 480 },
        },
        {
          id: 'hidden',
          title: 'Deleted, not gone',
          narrative: 'You delete the messages and the account, and tell nobody.',
          ending: {
            outcome: 'compromised',
            debrief: paragraphs(
              'What happened: Martin went quiet. Months later a new contact got in touch, mentioned Ashgrove by name ' +
                'and attached a payment record, and anything you had sent. You had deleted your evidence of being ' +
                'pressured; they had kept theirs. Meanwhile a colleague on the trials team had received an approach ' +
                'from Ashgrove too, and security, who had heard nothing from you, could not connect the two.',
              'Why it matters: deleting messages removes your side of the story, not theirs. Silence keeps the ' +
                'material valuable to them, leaves the damage unassessed, and looks like concealment if it ever comes ' +
                'out, which is far harder to explain than the original mistake.',
              'Red flags present: money for reports close to your work; paid travel and hospitality abroad; contact ' +
                'moved to a private app and personal email; an undeclared relationship; a request for a classified ' +
                'test report; hints of compromising material; and pressure to delete the evidence.',
              "What to do: don't delete, and don't try to make it go away on your own. Tell your security team " +
                'everything, even after you have stopped replying. If you have already deleted something, tell them ' +
                'that too.',
            ),
          },
          position: { x: 2100, y: 640 },
        },
      ],
    },
    quiz: {
      passMark: 80,
      shuffle: true,
      retryPolicy: BUILT_IN_RETRY_POLICY,
      questions: [
        {
          id: 'why-report-early',
          kind: 'single',
          prompt:
            'You have taken undeclared paid work and are now being pressured. Why does reporting early protect you?',
          options: [
            {
              id: 'breaks-the-chain',
              label:
                'Security teams deal with this in confidence, the pressure only works while you stay silent, and it stops you handing over anything that would be a crime',
              correct: true,
            },
            {
              id: 'no-consequences',
              label: 'Because security guarantees there will be no consequences for breaking the rules',
              correct: false,
            },
            {
              id: 'contact-stops',
              label: 'Because the contact will stop as soon as you report',
              correct: false,
            },
            {
              id: 'only-if-classified',
              label: 'It only matters if you have already handed over classified information',
              correct: false,
            },
          ],
          explanation:
            'There may be a policy breach to deal with, but reporting turns you from someone with a secret into ' +
            'someone who has been targeted. What turns a mistake into a crime is what is handed over to keep it hidden.',
          redFlags: ['compromise-or-threat', 'paid-reports'],
        },
        {
          id: 'what-not-to-do',
          kind: 'multiple',
          prompt: 'Once the pressure starts, which of these should you NOT do? Select all that apply.',
          options: [
            { id: 'delete', label: 'Delete the messages', correct: true },
            {
              id: 'confront',
              label: 'Confront the contact or tell them you are going to the authorities',
              correct: true,
            },
            { id: 'pay', label: 'Offer to pay them to go away', correct: true },
            { id: 'one-last', label: "Send 'one last' document to buy time", correct: true },
            { id: 'keep-records', label: 'Keep all messages and payment records', correct: false },
            { id: 'tell-security', label: 'Tell your security team', correct: false },
          ],
          explanation:
            'Deleting destroys your evidence, confronting warns them, paying shows the threat has landed, and complying ' +
            'proves it works. Keep everything and tell security.',
          redFlags: ['compromise-or-threat'],
        },
        {
          id: 'whom-to-tell',
          kind: 'single',
          prompt: 'Whom should you tell first when a contact starts to threaten you?',
          options: [
            {
              id: 'security',
              label: "Your organisation's security team, or its confidential reporting route",
              correct: true,
            },
            { id: 'contact', label: 'The contact, to warn them you will report them', correct: false },
            {
              id: 'it-friend',
              label: 'A friend in IT who can help you remove the messages first',
              correct: false,
            },
            {
              id: 'nobody-yet',
              label: 'Nobody, until you have worked out exactly what you shared',
              correct: false,
            },
          ],
          explanation:
            'Security teams are set up to handle approaches and pressure, in confidence, and can involve the ' +
            'authorities if needed. A line manager can go with you, but the detail belongs with security.',
          redFlags: ['compromise-or-threat'],
        },
        {
          id: 'what-to-bring',
          kind: 'multiple',
          prompt: 'What should you bring to the security team? Select all that apply.',
          options: [
            { id: 'messages', label: 'Every message and email, including the threats', correct: true },
            { id: 'payments', label: 'Records of every payment you received', correct: true },
            { id: 'reports', label: 'Copies of the reports you wrote', correct: true },
            {
              id: 'hospitality',
              label: 'Details of trips, gifts and hospitality, with any invitations or receipts',
              correct: true,
            },
            {
              id: 'threat-only',
              label: 'Only the threatening messages, since that is the problem',
              correct: false,
            },
            {
              id: 'summary-instead',
              label: 'A tidied-up summary in place of the original messages',
              correct: false,
            },
          ],
          explanation:
            'The whole record shows how the relationship was built and turned. Gaps look like concealment, and security ' +
            'needs the originals to assess what was shared and to act.',
          redFlags: ['compromise-or-threat', 'paid-reports', 'travel-abroad'],
        },
        {
          id: 'repay',
          kind: 'single',
          prompt:
            'You offer to repay everything the contact has paid you if they delete the photographs. What is most likely to happen?',
          options: [
            {
              id: 'refused',
              label:
                'The offer is refused or the money taken, and the material kept: it was never about the money, and the offer shows the threat has worked',
              correct: true,
            },
            { id: 'deleted', label: 'They accept and delete the material', correct: false },
            {
              id: 'lawyer',
              label: 'It works, provided the repayment is arranged through a lawyer',
              correct: false,
            },
          ],
          explanation:
            'Hostile services invest in relationships, not fees. Repayment cannot buy back photographs, records or ' +
            'anything you have already sent; only your employer knowing removes their value.',
          redFlags: ['compromise-or-threat', 'financial-pressure'],
        },
        {
          id: 'delete-for-both',
          kind: 'single',
          prompt: "The contact writes: 'Delete this conversation, for both our sakes.' What should you do?",
          options: [
            {
              id: 'keep-and-report',
              label: 'Keep everything and report it: deleting helps them, not you',
              correct: true,
            },
            { id: 'delete', label: 'Delete it: it protects you too', correct: false },
            { id: 'delete-some', label: 'Delete only the most embarrassing messages', correct: false },
            {
              id: 'export-delete',
              label: 'Export a copy to a USB stick, then delete the originals',
              correct: false,
            },
          ],
          explanation:
            'The messages are your evidence of being targeted and pressured. Deleting them leaves the contact holding ' +
            'the only record and makes you look as if you were hiding something.',
          redFlags: ['compromise-or-threat', 'secrecy-request'],
        },
        {
          id: 'after-reporting',
          kind: 'single',
          prompt: 'You have reported the situation, and the contact messages you again. What should you do?',
          options: [
            {
              id: 'follow-security',
              label:
                "Follow security's advice: usually don't reply, don't block or delete, and pass the message on",
              correct: true,
            },
            { id: 'tell-him', label: 'Reply that you have reported him', correct: false },
            { id: 'block-delete', label: 'Block and delete him at once', correct: false },
            { id: 'play-along', label: 'Play along to gather more evidence yourself', correct: false },
          ],
          explanation:
            'Once security is involved, let them decide how to respond. Confronting, blocking or investigating on your ' +
            'own can warn the people behind the contact and spoil what security is doing.',
          redFlags: ['compromise-or-threat'],
        },
        {
          id: 'coercion-signs',
          kind: 'multiple',
          prompt: 'Which of these show that a relationship has turned to coercion? Select all that apply.',
          options: [
            {
              id: 'payments-reminder',
              label: 'Reminders of how much you have been paid and what you have accepted',
              correct: true,
            },
            {
              id: 'photos-hint',
              label: "Hints about photographs that could be 'misunderstood'",
              correct: true,
            },
            {
              id: 'employer-hint',
              label: "'Neither of us would want your employer to hear about this from anyone but you'",
              correct: true,
            },
            {
              id: 'deadline',
              label: 'A deadline for a specific, more sensitive document',
              correct: true,
            },
            { id: 'thanks', label: 'Thanks for a report you delivered', correct: false },
          ],
          explanation:
            'Thanks are ordinary. Reminders of payments, hints about compromising material, references to your employer ' +
            'finding out and deadlines for more sensitive material are the language of pressure.',
          redFlags: ['compromise-or-threat', 'sensitive-topic-drift'],
        },
      ],
    },
  },
};
