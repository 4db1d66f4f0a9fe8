import type { ProfileCardArtefact } from '@countersign/scenario-engine';
import { BUILT_IN_RETRY_POLICY, type BuiltInModule, paragraphs } from './types.js';

/*
 * Module 3 — "All expenses paid".
 *
 * The learner, a principal navigation engineer at the fictional Marlbrook Defence Engineering, is
 * invited to give a fully paid keynote at a forum abroad run by an institute nobody can verify.
 * The best path checks the host and takes it to security before replying; the learner can also go
 * (briefed, on Marlbrook's terms, or on the host's terms) and then meets soft elicitation at the
 * welcome banquet, gifts and cash, a late private evening that produces photographs, a "small
 * favour" and, back home, a follow-up that turns friendship into pressure. All names, firms,
 * addresses and numbers are invented (".example" domains, 07700 900xxx drama-range numbers).
 *
 * Graph (columns left to right):
 *   the-invitation → checking-the-host | security-conversation | travel-details
 *   checking-the-host → security-conversation | travel-details
 *   travel-details → security-conversation | the-welcome-dinner
 *   security-conversation → declined-and-reported | pre-travel-briefing | the-welcome-dinner
 *   pre-travel-briefing → the-welcome-dinner → the-gift → the-favour | the-late-night
 *   the-favour → debriefed-on-return | the-follow-up | compromised
 *   the-late-night → late-disclosure | the-follow-up | compromised
 *   the-follow-up → late-disclosure | compromised | kept-quiet
 *   endings: declined-and-reported, debriefed-on-return (safe), late-disclosure (safe, partial),
 *            compromised, kept-quiet (compromised)
 */

const ORGANISER = 'Anna Kessler';
const ORGANISER_EMAIL = 'Anna Kessler <anna.kessler@verenna-institute.example>';
const INSTITUTE = 'Verenna Institute for Technology Strategy';
const SECURITY_CONTROLLER = 'Claire Danso <claire.danso@marlbrook-defence.example>';

const organiserProfile: ProfileCardArtefact = {
  kind: 'profile',
  name: ORGANISER,
  headline: `International Programme Director at ${INSTITUTE} | Bringing the world's engineers together`,
  company: INSTITUTE,
  location: 'London, United Kingdom',
  connections: 380,
  accountAgeMonths: 9,
  about:
    'Verenna brings leading engineers and researchers together to exchange ideas on the technologies that will shape ' +
    'the next decade. I look after our international speakers: if you have been invited, I will be your point of ' +
    'contact from the first email to your safe return home.',
  history: [
    { role: 'International Programme Director', organisation: INSTITUTE, period: '2024 – present' },
    { role: 'Events Manager', organisation: 'International conference organiser', period: '2018 – 2024' },
  ],
  activity: [
    "Shared a photo: 'Our keynote speakers enjoying the harbour cruise at last year's Forum'",
    "Reposted: 'Call for speakers: International Forum on Intelligent Navigation'",
  ],
};

export const allExpensesPaid: BuiltInModule = {
  slug: 'all-expenses-paid',
  track: 'think-before-you-link',
  order: 3,
  title: 'All expenses paid',
  summary:
    'An institute you have never heard of invites you to give a fully paid keynote abroad. Decide whether to go and whom to tell, then handle the questions, the gifts and the favours that follow.',
  estimatedMinutes: 18,
  content: {
    scenario: {
      start: 'the-invitation',
      steps: [
        {
          id: 'the-invitation',
          title: 'An invitation to speak',
          narrative: paragraphs(
            'You are a principal engineer in the Navigation Systems group of Marlbrook Defence Engineering. Your team ' +
              'develops navigation for uncrewed aircraft that must keep working when satellite signals are jammed or ' +
              'unavailable. How well it performs, and which aircraft it is going on, is classified. The underlying ' +
              'mathematics is not: last year you published it in a well-regarded peer-reviewed journal.',
            'On Tuesday afternoon a LinkedIn message arrives from someone you have never met, with an invitation ' +
              'attached.',
          ),
          artefacts: [
            {
              kind: 'profile',
              name: organiserProfile.name,
              headline: organiserProfile.headline,
              company: organiserProfile.company,
              location: organiserProfile.location,
              connections: organiserProfile.connections,
            },
            {
              kind: 'thread',
              platform: 'LinkedIn',
              participants: [ORGANISER, 'You'],
              messages: [
                {
                  from: ORGANISER,
                  at: 'Tue 15:12',
                  body: paragraphs(
                    `Good afternoon. I am writing on behalf of the ${INSTITUTE}. Our programme committee read your ` +
                      'recent paper on navigation without satellite signals with great admiration, and it would be an ' +
                      'honour to welcome you as a keynote speaker at our International Forum on Intelligent Navigation ' +
                      'this autumn.',
                    'The Institute covers all costs for its keynote speakers: flights, hotel, local transport and an ' +
                      'honorarium. The invitation is attached. We would be grateful for your answer within two weeks, ' +
                      'so that we can finalise the programme.',
                    'With warm regards,\nAnna Kessler',
                  ),
                },
              ],
            },
            {
              kind: 'invitation',
              event: 'International Forum on Intelligent Navigation',
              host: INSTITUTE,
              location: 'Shenzhen',
              dates: 'Five days in October',
              body:
                'The Forum brings together leading researchers and practitioners for three days of keynotes, ' +
                'closed-door workshops and informal exchange, followed by a cultural programme. As a keynote speaker ' +
                'you will present for 40 minutes on a subject of your choice and join a closed workshop with senior ' +
                'members of our research community. A dedicated host will accompany you throughout your stay.',
              benefits: [
                'Business-class return flights',
                'Five nights in a suite at a five-star hotel',
                '£3,000 keynote honorarium',
                'Private car to and from the airport',
                'Welcome banquet and cultural programme',
                'A travelling companion is welcome, with all costs covered',
              ],
            },
          ],
          choices: [
            {
              id: 'check-first',
              label:
                "Don't reply yet. Look into the institute and the forum yourself, and check Marlbrook's rules on sponsored travel",
              next: 'checking-the-host',
              feedback:
                'Sensible. An unsolicited invitation from someone you cannot verify, built on praise for your work and ' +
                'offering paid travel abroad, deserves a proper look before you say anything.',
              redFlags: ['unsolicited-approach', 'flattery', 'travel-abroad'],
              points: 3,
            },
            {
              id: 'ask-security',
              label:
                'Forward the message and the invitation to the security team, and ask for advice before replying',
              next: 'security-conversation',
              feedback:
                'Good call. Any offer of paid travel abroad from a contact you met online is something to take to ' +
                'security before you reply; you do not have to work out on your own whether it is genuine.',
              redFlags: ['unsolicited-approach', 'travel-abroad'],
              points: 3,
            },
            {
              id: 'accept',
              label:
                "Accept with thanks: an invited keynote abroad is good for your career, and they're paying for everything",
              next: 'travel-details',
              feedback:
                'The flattery and the generous terms are doing the work here. You have committed to travel abroad, at ' +
                'the expense of a host you know nothing about, before checking anything or telling anyone.',
              redFlags: ['travel-abroad', 'flattery', 'too-good-to-be-true'],
              points: 0,
            },
          ],
          position: { x: 0, y: 160 },
        },
        {
          id: 'checking-the-host',
          title: 'Who is paying?',
          narrative: paragraphs(
            "You spend an evening on it, without using any link from Anna's message. Here's what you find:",
            '• The institute describes itself as an independent, non-profit think tank based in Shenzhen with a liaison ' +
              'office in London. The London address is a serviced office, and you can find no UK company or charity ' +
              "registration in the institute's name.\n" +
              '• Its website shows photographs of three previous forums (stages, audiences, banquets) but no programmes, ' +
              'speaker lists or published papers. Two colleagues who know the field well have never heard of it.\n' +
              "• Anna's profile is nine months old. Her 380 connections are almost all engineers at UK and European " +
              'defence and aerospace firms, and her previous employer is described, not named.\n' +
              '• For comparison, established academic conferences usually offer an invited speaker a free registration ' +
              'and, at most, economy travel and a standard hotel. None you know of pays a £3,000 honorarium or a ' +
              "companion's costs.\n" +
              "• Marlbrook's travel policy says that staff with a security clearance must tell the security team about " +
              'all overseas travel, business or personal, before booking anything. Sponsored travel or hospitality from ' +
              'an outside organisation needs director approval and security sign-off, and some destinations need a ' +
              'pre-travel security briefing.',
          ),
          artefacts: [organiserProfile],
          choices: [
            {
              id: 'take-to-security',
              label:
                "Send the invitation and what you've found to the security team, and ask for advice before replying",
              next: 'security-conversation',
              feedback:
                'Right. A host you cannot verify, offering paid travel abroad on terms far more generous than any ' +
                'genuine conference, is exactly what your travel policy and your security team are there for.',
              redFlags: ['unverifiable-company', 'travel-abroad', 'too-good-to-be-true', 'profile-anomalies'],
              points: 3,
            },
            {
              id: 'tell-manager',
              label:
                'It has held forums before and your paper is public anyway. Accept, and mention the trip to your manager',
              next: 'travel-details',
              feedback:
                'Photographs of past events prove that events took place, not who ran them or why. A word with your ' +
                'manager is not the security sign-off your policy requires, and it leaves out the people who can check ' +
                'the host.',
              redFlags: ['unverifiable-company', 'travel-abroad'],
              points: 1,
            },
            {
              id: 'personal-capacity',
              label:
                'Accept, but go on annual leave in a personal capacity, so the sponsored-travel approval does not apply',
              next: 'travel-details',
              feedback:
                'Taking leave does not change who you are or what you know, and the policy covers personal travel ' +
                'too. Arranging a trip to avoid scrutiny gives a hostile host exactly what it wants: you, abroad, with ' +
                'nobody watching your back.',
              redFlags: ['travel-abroad', 'unverifiable-company', 'too-good-to-be-true'],
              points: 0,
            },
          ],
          position: { x: 300, y: 0 },
        },
        {
          id: 'travel-details',
          title: 'The arrangements',
          narrative:
            'Anna replies within the hour, delighted. The next morning an email follows with the arrangements.',
          artefacts: [
            {
              kind: 'email',
              from: ORGANISER_EMAIL,
              to: 'You',
              subject: 'Your keynote: travel arrangements',
              sentAt: 'Thu 09:40',
              body: paragraphs(
                'We are so pleased you can join us!',
                'To book your flights and hotel, please send a scan of your passport, your date of birth and a personal ' +
                  'mobile number to our travel desk (forum.travel@mail.example). Some corporate email systems block our ' +
                  'messages, so a personal email address would also be helpful.',
                'There is no need to bring a laptop. Your host for the week, Kai Lin, will provide one for your ' +
                  'presentation, together with a local SIM card for your phone.',
                "Many of our speakers attend in a personal capacity, which avoids employers' paperwork. We leave that " +
                  'entirely to you.',
                'Finally, the committee would be grateful for your slides two weeks in advance. Delegates are especially ' +
                  'keen to hear about the practical side: how the methods in your paper perform in real flight.',
                'Warm regards,\nAnna',
              ),
            },
          ],
          choices: [
            {
              id: 'stop-and-tell',
              label:
                'Send nothing yet. Tell the security team about the invitation and the trip, as the policy requires',
              next: 'security-conversation',
              feedback:
                'Better now than after booking. A request for your passport and personal contacts, a hint that your ' +
                'employer need not be involved, and a steer towards real flight performance are all things security ' +
                'should see.',
              redFlags: ['secrecy-request', 'move-off-platform', 'sensitive-topic-drift', 'travel-abroad'],
              points: 2,
            },
            {
              id: 'self-funded',
              label:
                "Log the trip on Marlbrook's travel form as 'conference, self-funded', send the details, and build your slides from the paper only",
              next: 'the-welcome-dinner',
              feedback:
                'Keeping your slides to published material is good instinct, but describing the trip as self-funded ' +
                'hides the most important fact from the people who would have briefed you. Security can only protect ' +
                'you on a trip they know the truth about.',
              redFlags: ['travel-abroad', 'secrecy-request'],
              points: 1,
            },
            {
              id: 'send-details',
              label: 'Send the details and go in a personal capacity, as she suggests',
              next: 'the-welcome-dinner',
              feedback:
                'You have sent a passport scan and personal contact details to an address you cannot verify, and agreed ' +
                "to travel where your employer can't support you. 'Personal capacity' does not change what you know; it " +
                'only removes the people who could help.',
              redFlags: ['secrecy-request', 'travel-abroad', 'move-off-platform'],
              points: 0,
            },
          ],
          position: { x: 600, y: 320 },
        },
        {
          id: 'security-conversation',
          title: 'What security thinks',
          narrative:
            'The next morning Claire Danso, the Security Controller, rings you to talk it through, and then sends a summary.',
          artefacts: [
            {
              kind: 'email',
              from: SECURITY_CONTROLLER,
              to: 'You',
              subject: 'Re: Invitation to speak in Shenzhen',
              sentAt: 'Wed 11:05',
              body: paragraphs(
                'Thank you for bringing this to us before replying. It is exactly the right thing to do.',
                'We can find nothing independent about the Verenna Institute, and we know of others in the sector who ' +
                  'have received very similar invitations this year. Fully paid travel and a large honorarium from a ' +
                  'host nobody can verify are a well-established way of getting someone with your access to a place ' +
                  'where they can be cultivated. Our advice is not to go.',
                "If there is a genuine business reason for Marlbrook to be represented, that is your director's " +
                  "decision, not the host's. Marlbrook would pay its own way, you would decline the honorarium and any " +
                  'gifts, and you would have a pre-travel briefing and a debrief when you got back.',
                'Either way, please do not delete anything, and send us copies of any further messages.',
                'Claire Danso\nSecurity Controller, Marlbrook Defence Engineering',
              ),
            },
          ],
          choices: [
            {
              id: 'decline',
              label:
                'Decline the invitation politely, without giving reasons, and send security a copy of your reply',
              next: 'declined-and-reported',
              feedback:
                'The safest outcome. You stay off ground the host controls, and security holds the full record in case ' +
                'the institute tries again or turns to your colleagues.',
              redFlags: ['travel-abroad', 'unverifiable-company'],
              points: 3,
            },
            {
              id: 'business-case',
              label:
                "Speaking there would genuinely help your group. Put a business case to your director, to go on Marlbrook's terms",
              next: 'pre-travel-briefing',
              feedback:
                "Legitimate if your director agrees, and far better than going on the host's terms: Marlbrook pays and " +
                'you are briefed and debriefed. But the host still decides whom you meet and where, and security has ' +
                'told you it would rather you did not go.',
              redFlags: ['travel-abroad', 'unverifiable-company'],
              points: 1,
            },
            {
              id: 'go-anyway',
              label: "Go anyway, on the institute's terms and in your own time: it's your annual leave",
              next: 'the-welcome-dinner',
              feedback:
                "Security has told you what this looks like. Going against that advice, on the host's money, puts you " +
                'exactly where a hostile service wants you: abroad, on its ground and in its debt.',
              redFlags: ['travel-abroad', 'too-good-to-be-true'],
              points: 0,
            },
          ],
          position: { x: 900, y: 0 },
        },
        {
          id: 'pre-travel-briefing',
          title: 'The pre-travel briefing',
          narrative: paragraphs(
            "Your director approves the trip on Marlbrook's terms: the company books economy flights and a standard " +
              'hotel, and you write to decline the honorarium. A week before you fly, Claire gives you a pre-travel ' +
              'briefing. Her main points:',
            '• Assume that your hotel room, phone and laptop are not private, and that anything left in the room can be ' +
              'examined.\n' +
              '• Take only the loan laptop and phone that security will issue, with nothing on them but your slides and ' +
              'the contacts you need. Leave your work laptop and your own phone at home.\n' +
              "• Agree a 'public line' with your manager before you go: what you can say about your work, which is what " +
              "is in your published paper and nothing more. When questions go beyond it, say it isn't something you " +
              'can discuss, and change the subject.\n' +
              '• Accept only token gifts, and declare them. Sign nothing. Never accept cash.\n' +
              '• Drink moderately, and do not let a host separate you from the group for private dinners, late nights ' +
              "or 'small favours'.\n" +
              '• Keep a short note of whom you meet and what they ask. If anything worries you, call the security duty ' +
              'number, 07700 900472, at any hour.\n' +
              '• You will be debriefed when you get back.',
          ),
          choices: [
            {
              id: 'follow-briefing',
              label:
                'Take the loan devices, agree your public line with your manager, and save the duty number',
              next: 'the-welcome-dinner',
              feedback:
                'Exactly what the briefing is for. Clean devices limit what can be taken, and a public line agreed in ' +
                'advance makes deflecting questions feel routine rather than rude.',
              redFlags: ['travel-abroad', 'sensitive-topic-drift'],
              points: 3,
            },
            {
              id: 'own-phone',
              label:
                "Take the loan laptop, but keep your own phone: you'll want to call home, and it won't leave your side",
              next: 'the-welcome-dinner',
              feedback:
                'Understandable, but your own phone holds contacts, messages, photographs and accounts that together ' +
                'map your life and your colleagues. Once it has been out of your sight or on a hotel network, you can ' +
                'no longer vouch for it.',
              redFlags: ['travel-abroad'],
              points: 1,
            },
            {
              id: 'work-laptop',
              label:
                "Take your work laptop too, so you can finish a report on the flight; it'll live in the hotel safe",
              next: 'the-welcome-dinner',
              feedback:
                'A hotel safe is not a security control: the hotel can open it, and anyone interested in your data will ' +
                'expect to find it there. Work material should never travel to ground the host controls.',
              redFlags: ['travel-abroad'],
              points: 0,
            },
          ],
          position: { x: 1200, y: 160 },
        },
        {
          id: 'the-welcome-dinner',
          title: 'The welcome banquet',
          narrative: paragraphs(
            'You land in Shenzhen to a warm welcome. Kai Lin, a young researcher at the institute, meets you at the ' +
              "airport and will be your host for the week. Your room has been upgraded to a suite 'with the institute's " +
              "compliments'.",
            'That evening there is a banquet for about forty guests, and a photographer works the room all night. You ' +
              'are seated beside Professor Wu, introduced as a senior adviser to the institute. He is charming, has ' +
              'clearly read your paper closely, and asks about your family and your football team before he gets to ' +
              'it. Kai keeps your glass topped up.',
            "Over the main course the professor's questions sharpen. 'In your paper the test data is all simulated. " +
              'Surely your team has flown it by now? How far did the aircraft drift without satellites: ten metres, a ' +
              "hundred? Which aircraft will carry it? And I suppose the Americans are partners. They usually are.'",
            'The table has gone quiet to listen.',
          ),
          choices: [
            {
              id: 'public-line',
              label:
                "Stay with what's in your paper, say the rest isn't something you can discuss, ask about his own research, and note the questions later",
              next: 'the-gift',
              feedback:
                'Well handled. The questions drifted from published work to flight results, platforms and partners, ' +
                'which is classic elicitation, and a polite, practised deflection gives nothing away without making a ' +
                'scene.',
              redFlags: ['sensitive-topic-drift', 'flattery'],
              points: 3,
            },
            {
              id: 'general-terms',
              label:
                'Answer in general terms: no figures, just enough not to seem rude in front of your hosts',
              next: 'the-gift',
              feedback:
                "'Yes, it has flown', 'tens of metres, not hundreds', 'we work with allies': each general answer " +
                "confirms something they did not know. Elicitation doesn't need figures, only enough pieces.",
              redFlags: ['sensitive-topic-drift', 'flattery'],
              points: 0,
            },
            {
              id: 'confront',
              label:
                "Tell him bluntly, in front of the table, that you can see exactly what he's fishing for",
              next: 'the-gift',
              feedback:
                'You have given nothing away, which matters most. But a public confrontation on their ground creates ' +
                'tension you must live with all week and tells them you are alert; a calm, practised deflection is safer.',
              redFlags: ['sensitive-topic-drift'],
              points: 1,
            },
          ],
          position: { x: 1500, y: 160 },
        },
        {
          id: 'the-gift',
          title: 'A token of appreciation',
          narrative: paragraphs(
            'Your keynote the next morning goes well, though a surprising number of questions are about things that ' +
              'are not in your paper.',
            "Afterwards Kai presents you with a gift bag 'from the institute'. Inside is the latest model of a premium " +
              "smartphone, already set up with the institute's messaging app 'so we can stay in touch', and a thick " +
              "envelope. 'A small addition for your expenses,' Kai says. 'Just sign here for our accounts.' The envelope " +
              'holds the equivalent of about £2,000 in cash.',
            "Then he lowers his voice. 'Professor Wu so enjoyed your conversation. Tonight he is hosting a small " +
              'private dinner for a few special friends, and afterwards perhaps some karaoke. He would be very ' +
              "honoured if you came.'",
          ),
          choices: [
            {
              id: 'decline-politely',
              label:
                'Thank Kai warmly, hand back the phone and the envelope, sign nothing, and excuse yourself from the dinner',
              next: 'the-favour',
              feedback:
                'Right. Cash, a phone someone else has set up and a signature all create obligations and a record, and ' +
                'a private late-night dinner separates you from the group. Polite refusals are normal for people from ' +
                'organisations like yours.',
              redFlags: ['compromise-or-threat', 'too-good-to-be-true'],
              points: 3,
            },
            {
              id: 'keep-and-declare',
              label:
                'Accept the bag and sign for it so as not to cause offence, meaning to hand it all to security at home, but skip the dinner',
              next: 'the-favour',
              feedback:
                'Skipping the dinner is wise, and declaring gifts is right. But you have signed for cash from a host ' +
                'you cannot verify, which is exactly the kind of record that can be used later; keep the phone sealed ' +
                'and switched off.',
              redFlags: ['compromise-or-threat', 'too-good-to-be-true'],
              points: 1,
            },
            {
              id: 'accept-all',
              label:
                'Accept everything graciously and go to the dinner: refusing their hospitality would cause real offence',
              next: 'the-late-night',
              feedback:
                'The fear of causing offence is the lever here: hospitality is being used to make refusing feel ' +
                'impossible. You now hold cash you have signed for and a phone they set up, and you are heading for a ' +
                'private evening away from the group.',
              redFlags: ['compromise-or-threat', 'too-good-to-be-true', 'travel-abroad'],
              points: 0,
            },
          ],
          position: { x: 1800, y: 160 },
        },
        {
          id: 'the-favour',
          title: 'One small favour',
          narrative: paragraphs(
            'On your last morning, Professor Wu asks to see you before you leave for the airport. He thanks you for a ' +
              "wonderful keynote and presses a USB stick into your hand. 'One of our students is working on navigation " +
              'without satellites. Her paper and her flight data are on here. Could you look at them and tell us, just ' +
              "roughly, how close she is to what your team achieves?'",
            'Kai adds that the institute would like to invite you back next year as a visiting fellow, with a generous ' +
              "stipend. 'And please send us the full version of your slides, with the flight results you could not " +
              "show. Only for the Forum proceedings, of course.'",
          ),
          choices: [
            {
              id: 'decline-and-debrief',
              label:
                'Decline politely, leave the USB stick with him, and tell security everything as soon as you are home',
              next: 'debriefed-on-return',
              feedback:
                "Exactly right. Comparing her results with your team's, or sending unpublished flight results, would " +
                'disclose classified performance, and a USB stick from a host should never go near your computers. A ' +
                'full debrief lets security link this to approaches made to others.',
              redFlags: ['sensitive-topic-drift', 'paid-reports'],
              points: 3,
            },
            {
              id: 'take-the-stick',
              label: "Take the stick to be polite. You can decide later, and you haven't promised anything",
              next: 'the-follow-up',
              feedback:
                'Taking it creates an expectation and a reason for them to get back in touch, and a USB stick from an ' +
                'unknown source should never be plugged into anything you care about. Unless security hears about it, ' +
                'the next contact will find you half-committed.',
              redFlags: ['sensitive-topic-drift', 'compromise-or-threat'],
              points: 0,
            },
            {
              id: 'send-slides',
              label:
                "Agree to send the fuller slides when you're home, leaving out anything marked classified",
              next: 'compromised',
              feedback:
                'Flight results your employer has not cleared for publication are not yours to release, whatever their ' +
                "marking, and 'proceedings' are a common wrapper for elicitation. Sending them would be the first real " +
                'disclosure, and the first of many requests.',
              redFlags: ['sensitive-topic-drift', 'paid-reports'],
              points: 0,
            },
          ],
          position: { x: 2100, y: 160 },
        },
        {
          id: 'the-late-night',
          title: 'The morning after',
          narrative: paragraphs(
            'The dinner is in a private room at the top of a hotel. The toasts keep coming, and you drink more than you ' +
              'meant to. Later the party moves to a bar, where a friendly guest called Mei sits beside you and laughs at ' +
              'your jokes. Someone takes photographs. You get back to your room late, and cannot remember all of the ' +
              'evening.',
            'At breakfast Professor Wu slides his phone across the table. On the screen is a photograph of you, glass in ' +
              "hand, with your arm around Mei; in the next, Kai is handing you the envelope. 'A wonderful evening,' he " +
              "says, smiling. 'We will keep these as a memory.'",
            "'And a small favour, between friends. One of our students is working on navigation without satellites. " +
              'Could you look at her results and tell us how close she is to what your team achieves? Only a few words. ' +
              "And perhaps you could introduce her to the colleague you mentioned last night.'",
          ),
          choices: [
            {
              id: 'call-security',
              label:
                "Tell him you can't help, and contact Marlbrook's security team today to tell them everything, photographs and all",
              next: 'late-disclosure',
              feedback:
                'The hardest call to make, and the right one. A photograph shown with a request attached is the opening ' +
                'move of blackmail, and it works only while you keep it from the people who can protect you.',
              redFlags: ['compromise-or-threat', 'sensitive-topic-drift'],
              points: 2,
            },
            {
              id: 'do-the-favour',
              label:
                'Agree to look at her results: it is a small favour, and keeping them friendly keeps those photographs private',
              next: 'compromised',
              feedback:
                "Comparing her results with your team's would hand over classified performance figures, and giving in " +
                'once proves the photographs work. Every favour after this one will be bigger.',
              redFlags: ['compromise-or-threat', 'sensitive-topic-drift'],
              points: 0,
            },
            {
              id: 'say-nothing',
              label: "Say you'll see what you can do, fly home, and put the whole evening behind you",
              next: 'the-follow-up',
              feedback:
                'Hoping it goes away leaves them holding the photographs and the receipt, and knowing that you are ' +
                'keeping quiet about both. They will be back.',
              redFlags: ['compromise-or-threat'],
              points: 0,
            },
          ],
          position: { x: 2100, y: 320 },
        },
        {
          id: 'the-follow-up',
          title: 'Happy memories',
          narrative:
            "A month after you get home, an email arrives at your personal address. You don't remember giving Kai that address.",
          artefacts: [
            {
              kind: 'email',
              from: 'Kai Lin <kailin.visits@mail.example>',
              to: 'Your personal email address',
              subject: 'Happy memories from Shenzhen',
              sentAt: 'Sun 21:12',
              body: paragraphs(
                'Dear friend,',
                'I hope you are well, and that your family enjoyed hearing about Shenzhen!',
                'I attach some photographs from your visit. Some of them are very memorable! Professor Wu still talks ' +
                  'about our evening conversations, and he asks me to renew our invitation for you to join the ' +
                  'institute as a visiting fellow, with a stipend of £20,000 a year.',
                "He would also be very grateful for your comments on our student's work. If you could include your own " +
                  "team's figures for comparison, it would help her so much. We value our friendship, and I know you " +
                  'will not disappoint us.',
                'Warmest regards,\nKai',
              ),
            },
          ],
          choices: [
            {
              id: 'report-everything',
              label:
                "Don't reply. Tell the security team everything, from the invitation to this email, and hand over anything you were given",
              next: 'late-disclosure',
              feedback:
                "Right, and not too late. An email to a personal address you don't remember giving them, 'memorable' photographs and a " +
                "request for your team's figures is pressure dressed up as friendship, and security can only help with " +
                'it once they know.',
              redFlags: ['compromise-or-threat', 'sensitive-topic-drift', 'move-off-platform'],
              points: 2,
            },
            {
              id: 'send-comments',
              label:
                "Send a few general comments on the student's work, without your team's figures, to keep things friendly",
              next: 'compromised',
              feedback:
                'General comments from someone with your access show them what you know, and prove that you respond ' +
                'to pressure. The next request will include the figures.',
              redFlags: ['compromise-or-threat', 'sensitive-topic-drift', 'paid-reports'],
              points: 0,
            },
            {
              id: 'delete-and-block',
              label:
                "Delete the email and block the address: if you never reply, there's nothing they can do",
              next: 'kept-quiet',
              feedback:
                'Deleting destroys the evidence that you were targeted, and leaves them holding everything they ' +
                'gathered in Shenzhen. Silence is what blackmail relies on.',
              redFlags: ['compromise-or-threat', 'move-off-platform'],
              points: 0,
            },
          ],
          position: { x: 2400, y: 320 },
        },
        {
          id: 'declined-and-reported',
          title: 'Declined, and on record',
          narrative: 'You send Anna a short, polite reply declining the invitation, and copy it to Claire.',
          ending: {
            outcome: 'safe',
            debrief: paragraphs(
              'What happened: the institute wrote once more, offering a larger honorarium, and then went quiet. ' +
                'Security shared the details through its contacts in other defence firms and with the relevant ' +
                'authorities. Yours turned out to be the third report about the same forum that year, and two other ' +
                'people who had been invited were warned before they replied.',
              'Why it matters: a paid trip abroad is one of the most effective tools a hostile service has. Once you ' +
                'travel, it chooses where you go, whom you meet and how late the evenings run. Friendly questions can be ' +
                'steered towards your work, and if they draw a blank, hospitality, gifts and late nights can provide ' +
                'material for pressure later. Declining before you travel takes all of that off the table.',
              'Red flags present: an unsolicited approach; flattery built around your published work; an organiser ' +
                'and an institute you could not verify; a nine-month-old profile whose network was concentrated in ' +
                'defence; and paid ' +
                'travel abroad on terms far more generous than any genuine conference offers.',
              'What to do: tell your security team about any offer of sponsored travel or overseas meetings before you ' +
                "reply, and certainly before you book. Follow your organisation's travel rules for personal trips too. If " +
                "you do need to travel, go on your employer's terms, briefed beforehand and debriefed when you return.",
            ),
          },
          position: { x: 1200, y: 0 },
        },
        {
          id: 'debriefed-on-return',
          title: 'Home, and debriefed',
          narrative:
            'On your first morning back you sit down with the security team and go through the whole trip: every ' +
            'conversation, every question, every gift and every request.',
          ending: {
            outcome: 'safe',
            debrief: paragraphs(
              'What happened: your account gave security a clear picture of how the forum worked: a senior figure ' +
                'seated beside each speaker, questions steered from published work towards flight results, cash and a ' +
                "pre-configured phone, a private dinner for 'special friends', and a parting request dressed up as " +
                'academic help. Anything you had accepted was handed over unopened, and anything you had said at dinner was ' +
                'written down and assessed. Because you hid nothing and did not do the favour, there was no hold over ' +
                'you, and security used your account to brief others invited to the same event.',
              'Why it matters: the sequence you met (flattery, elicitation, hospitality, then a favour) is how paid ' +
                'trips are used. Each step tests whether you will give a little more than last time. Turning down the ' +
                'final favour, and then telling security everything, left them with nothing to build on.',
              'Red flags present: paid travel abroad from a host you could not verify; flattery; questions drifting ' +
                'from your published work towards classified performance, platforms and partners; cash, gifts and ' +
                "hospitality designed to create obligations; and requests for 'favours' that would have disclosed your " +
                "team's results.",
              "What to do: the safest choice was not to go on the host's terms at all. If you do travel, go on your " +
                "employer's terms, with clean devices and a public line agreed in advance; refuse gifts, cash and private " +
                'invitations politely; and report everything on your return, including anything that embarrassed you.',
            ),
          },
          position: { x: 2400, y: 0 },
        },
        {
          id: 'late-disclosure',
          title: 'Telling them everything',
          narrative:
            "You stop all contact and tell Marlbrook's security team everything: the invitation, the trip, the " +
            'questions, anything you were given, anything that happened that you would rather forget, and every ' +
            'request since.',
          ending: {
            outcome: 'safe',
            debrief: paragraphs(
              'What happened: it was an uncomfortable conversation, and there were policy breaches to work through, ' +
                'especially if you had travelled without approval. But because you came forward before handing ' +
                'anything over, you were treated as the target you were. Security took over the contact, assessed what ' +
                'had been said at dinner, and made sure that any photographs, receipts or gifts had nothing left to work with: ' +
                'material like that is only useful as a threat while its target keeps it from their employer.',
              'Why it matters: the trip followed a familiar arc. Friendly questions tested what you would reveal; ' +
                'hospitality, cash, alcohol and a camera created material for pressure; then came a small favour that ' +
                "would have disclosed your team's results. Each step depended on the one before it being kept quiet.",
              'Red flags present: paid travel abroad from a host you could not verify; flattery; questions drifting ' +
                'towards classified results, platforms and partners; gifts and cash designed to create obligations; ' +
                'contact moved to your personal email; and, finally, compromising material and pressure.',
              'What to do: report as soon as anything like this happens, from abroad if need be, and never decide it ' +
                'is too late or too embarrassing. Keep every message, photograph and gift, do not reply or delete ' +
                'anything, and let security decide what happens next.',
            ),
          },
          position: { x: 2700, y: 160 },
        },
        {
          id: 'compromised',
          title: 'A small favour',
          narrative:
            'You do what they ask. Kai thanks you warmly, and within weeks there is another request.',
          ending: {
            outcome: 'compromised',
            debrief: paragraphs(
              'What happened: the favours grew. After the first one came a question about the test range, then a ' +
                "request for the names of others on the programme, then a firm invitation to return as a 'visiting " +
                "fellow'. Each time you hesitated, Kai mentioned the photographs, anything you had signed or what you had already " +
                'sent. Without ever meaning to, you had become a source for a foreign intelligence service, and every ' +
                'further disclosure was a serious criminal offence.',
              'Why it happened: the trip was designed around you: flattery about your paper, hospitality and cash to ' +
                'create obligations, a private evening to create material, and a favour small enough to seem harmless. ' +
                'Each step made the next harder to refuse, and keeping the last one secret made it impossible to ask ' +
                'for help.',
              'Red flags present: paid travel abroad from a host you could not verify; flattery; a suggestion that you ' +
                'attend in a personal capacity; questions drifting towards classified results; gifts, cash and ' +
                'hospitality; contact moved to your personal email; and compromising material used as leverage.',
              'What to do: even now, stop, keep everything and tell your security team. They have dealt with this ' +
                'before. The pressure depends entirely on your silence, and every favour you do makes your position ' +
                'worse, never better.',
            ),
          },
          position: { x: 2700, y: 320 },
        },
        {
          id: 'kept-quiet',
          title: 'Nothing to see',
          narrative: 'You delete the email, block the address and tell nobody about Shenzhen.',
          ending: {
            outcome: 'compromised',
            debrief: paragraphs(
              'What happened: six months later, a stranger introduced himself at a trade show in Europe, mentioned ' +
                "Professor Wu by name and asked, pleasantly, whether you had 'thought any more about the student's " +
                "work'. They still had the photographs from your visit and anything you had signed. Security, who had " +
                'never heard about the trip, could not have warned you, and two of your colleagues had by then ' +
                'received warm invitations of their own.',
              'Why it matters: blocking an address ends one conversation, not the relationship. Material gathered ' +
                'abroad keeps its value for as long as you hide it, and your silence also kept security from warning ' +
                'the colleagues who were approached next.',
              'Red flags present: paid travel abroad from a host you could not verify; flattery; questions drifting ' +
                'towards classified results; gifts and hospitality designed to create obligations; contact moved to ' +
                'your personal email; and compromising material held in reserve.',
              'What to do: report even after you have stopped replying, and especially when something happened abroad ' +
                'that you would rather forget. Keep the messages. Security teams deal with exactly this, and can only ' +
                'help with what they know about.',
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
          id: 'invitation-red-flags',
          kind: 'multiple',
          prompt: 'Which features of the Verenna invitation were red flags? Select all that apply.',
          options: [
            {
              id: 'lavish-terms',
              label:
                'Business-class flights, a suite and a £3,000 honorarium from a host you could not verify',
              correct: true,
            },
            {
              id: 'companion-costs',
              label: "An offer to cover a travelling companion's costs as well",
              correct: true,
            },
            {
              id: 'personal-capacity',
              label: 'A suggestion that you attend in a personal capacity, without involving your employer',
              correct: true,
            },
            {
              id: 'flight-performance',
              label: 'A request that your slides cover how your methods perform in real flight',
              correct: true,
            },
            {
              id: 'reply-deadline',
              label: 'A request for an answer within two weeks so the programme could be finalised',
              correct: false,
            },
          ],
          explanation:
            'Conferences set deadlines, so that part is ordinary. Terms far beyond what genuine conferences offer, an ' +
            'unverifiable host, a nudge to leave your employer out and a steer towards unpublished performance are the ' +
            'pattern of an approach, not an invitation.',
          redFlags: ['travel-abroad', 'too-good-to-be-true', 'secrecy-request', 'sensitive-topic-drift'],
        },
        {
          id: 'before-sponsored-travel',
          kind: 'single',
          prompt:
            'Someone you met online offers to pay for you to attend a conference abroad. What should you do first?',
          options: [
            {
              id: 'tell-security-first',
              label: 'Tell your security team before you reply or book anything',
              correct: true,
            },
            {
              id: 'declare-on-return',
              label: 'Accept, and declare the hospitality when you get back',
              correct: false,
            },
            { id: 'tell-manager', label: 'Mention it to your line manager', correct: false },
            {
              id: 'check-registration',
              label: 'Accept, provided the host turns out to be a registered organisation',
              correct: false,
            },
          ],
          explanation:
            'Security can check the host, tell you whether others have had similar invitations and, if you do go, ' +
            'brief you. Declaring afterwards is too late to protect you, and a registration or a word with your manager ' +
            'checks nothing that matters.',
          redFlags: ['travel-abroad', 'unverifiable-company'],
        },
        {
          id: 'why-abroad',
          kind: 'single',
          prompt: 'Why do hostile services so often try to get their targets to travel abroad?',
          options: [
            {
              id: 'their-ground',
              label:
                'Abroad they control the setting: whom you meet, the hospitality, and the chance to create compromising material',
              correct: true,
            },
            {
              id: 'cheaper',
              label: "It is cheaper for them than meeting in the target's own country",
              correct: false,
            },
            {
              id: 'rules-dont-apply',
              label: 'Because your obligations to protect information do not apply outside your own country',
              correct: false,
            },
            {
              id: 'no-reason',
              label: 'There is no particular reason: conferences simply happen to be held abroad',
              correct: false,
            },
          ],
          explanation:
            'Away from home you are away from your support network and on ground the other side controls, so ' +
            'conversations can be steered and situations arranged. Your obligations travel with you.',
          redFlags: ['travel-abroad', 'compromise-or-threat'],
        },
        {
          id: 'dinner-questions',
          kind: 'single',
          prompt:
            "At dinner, a friendly professor moves from your published paper to how far your system drifted in flight tests, which aircraft will carry it, and whether 'the Americans' are partners. What is the best response?",
          options: [
            {
              id: 'public-line',
              label:
                'Stay with what is published, say politely that the rest is not something you can discuss, change the subject, and report it later',
              correct: true,
            },
            {
              id: 'general-terms',
              label: 'Answer in general terms without giving figures, so as not to be rude',
              correct: false,
            },
            {
              id: 'confront',
              label: 'Tell him in front of everyone that he is trying to elicit information',
              correct: false,
            },
            {
              id: 'hint',
              label: 'Say the results are classified, but hint that they went well',
              correct: false,
            },
          ],
          explanation:
            'This is sensitive-topic drift. General answers and hints still confirm facts, and a public confrontation ' +
            'on their ground helps nobody. A practised, polite deflection, then a report, is the professional response.',
          redFlags: ['sensitive-topic-drift'],
        },
        {
          id: 'travel-precautions',
          kind: 'multiple',
          prompt:
            'If you must travel on business to a place where you may be targeted, which precautions are sound? Select all that apply.',
          options: [
            {
              id: 'loan-devices',
              label: 'Take clean loan devices and leave your work laptop and own phone at home',
              correct: true,
            },
            {
              id: 'public-line',
              label: 'Agree in advance what you can say publicly about your work',
              correct: true,
            },
            {
              id: 'duty-number',
              label: 'Keep the security contact number with you and use it if anything worries you',
              correct: true,
            },
            { id: 'debrief', label: 'Have a full debrief with security when you return', correct: true },
            {
              id: 'hotel-safe',
              label: 'Keep your work laptop in the hotel safe when you are out',
              correct: false,
            },
            {
              id: 'accept-hospitality',
              label: 'Accept all hospitality offered, so as not to offend your hosts',
              correct: false,
            },
          ],
          explanation:
            'Clean devices, an agreed public line, a way to reach security and a debrief are the core of a pre-travel ' +
            'briefing. A hotel safe offers little protection, and hospitality you feel unable to refuse is exactly how ' +
            'obligations are created.',
          redFlags: ['travel-abroad', 'sensitive-topic-drift'],
        },
        {
          id: 'gift-and-cash',
          kind: 'single',
          prompt:
            'Your host gives you an expensive new phone, already set up for you, and an envelope of cash for "expenses", and asks you to sign a receipt. What should you do?',
          options: [
            {
              id: 'decline-or-hand-over',
              label:
                'Decline politely; if you cannot, sign nothing, keep the phone sealed and switched off, and hand everything to security on your return',
              correct: true,
            },
            {
              id: 'accept-and-use',
              label: 'Accept both: gifts are normal at conferences abroad',
              correct: false,
            },
            {
              id: 'keep-cash',
              label: 'Keep the cash, since it is only covering your expenses, but hand back the phone',
              correct: false,
            },
            {
              id: 'give-away',
              label: 'Accept the phone and give it to a family member, so it is not used for work',
              correct: false,
            },
          ],
          explanation:
            'A pre-configured phone may be designed to monitor you, and cash with a signed receipt creates both an ' +
            'obligation and a record that can be used as leverage later. Token gifts are one thing; these are not.',
          redFlags: ['compromise-or-threat', 'too-good-to-be-true'],
        },
        {
          id: 'photo-and-favour',
          kind: 'single',
          prompt:
            'The morning after a late night, your host shows you compromising photographs and, in the same breath, asks a "small favour". What is the best thing to do?',
          options: [
            {
              id: 'decline-and-report',
              label:
                'Decline the favour and contact your security team straight away, telling them about the photographs too',
              correct: true,
            },
            {
              id: 'do-the-favour',
              label: 'Do the favour, so that the photographs stay private',
              correct: false,
            },
            {
              id: 'say-nothing',
              label: 'Say nothing to anyone, and hope the matter is dropped once you are home',
              correct: false,
            },
            {
              id: 'demand-deletion',
              label: 'Confront him and demand that the photographs are deleted',
              correct: false,
            },
          ],
          explanation:
            'Compromising material is only useful as a lever while it is kept from your employer. Doing the favour ' +
            'proves the lever works, and silence keeps it working. Security teams deal with this and can protect you.',
          redFlags: ['compromise-or-threat'],
        },
        {
          id: 'debrief-content',
          kind: 'multiple',
          prompt: 'What should you tell security in a debrief after a trip like this? Select all that apply.',
          options: [
            { id: 'who-asked-what', label: 'Whom you met and what they asked about', correct: true },
            {
              id: 'gifts',
              label: 'Any gifts, cash or hospitality you were offered or accepted',
              correct: true,
            },
            {
              id: 'embarrassing',
              label: 'Anything that happened that you would rather forget',
              correct: true,
            },
            { id: 'follow-up', label: 'Any contact from the hosts since you got home', correct: true },
            {
              id: 'classified-only',
              label: 'Only conversations in which classified information was mentioned',
              correct: false,
            },
          ],
          explanation:
            'Security needs the whole picture to spot elicitation and compromise attempts, and the part you are most ' +
            'embarrassed about is often the part that matters most. Whether something was classified is not the test.',
          redFlags: ['sensitive-topic-drift', 'compromise-or-threat', 'travel-abroad'],
        },
      ],
    },
  },
};
