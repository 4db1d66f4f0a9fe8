import type { CorpusMessage } from './types.js';

/**
 * Benign messages, chosen to be hard: genuine recruiters and sales people (cold, polite, sometimes
 * complimentary), calls for papers and conference mail that mention travel and hotels without
 * paying for them, colleagues talking about real work, security and HR notices that use the
 * same vocabulary as the rules, and a few genuine messages that really do show a flag (a friend
 * moving to WhatsApp, an expert network offering a paid call, an employer paying for a trip).
 * Invented senders throughout; no real people or companies.
 */
export const BENIGN_MESSAGES: readonly CorpusMessage[] = [
  {
    id: 'b01',
    hostile: false,
    text:
      'Hi Sam, I came across your profile and think you could be a strong fit for a senior firmware engineer role at a medical ' +
      'devices company in Leeds. The salary is competitive and the process is a standard two-stage interview. Happy to share the ' +
      'full job description if you’re interested.',
    expectedFlags: ['unsolicited-approach'],
  },
  {
    id: 'b02',
    hostile: false,
    text:
      'Your experience with embedded Linux would be a great match for a role I’m recruiting for. The salary band is £60–70k with ' +
      'hybrid working. Let me know if you’d like to have a quick call this week.',
    expectedFlags: [],
  },
  {
    id: 'b03',
    hostile: false,
    text:
      'Call for papers: the 12th International Workshop on Signal Processing for Sensor Arrays will be held in Lisbon in May. Authors ' +
      'of accepted papers are expected to register for the workshop and to cover their own travel and accommodation.',
    expectedFlags: [],
  },
  {
    id: 'b04',
    hostile: false,
    text:
      'Hi both, the design review has moved to Thursday at 10. Please bring the latest test results from the sonar trials and the ' +
      'supplier risk log so we can go through them together.',
    expectedFlags: [],
  },
  {
    id: 'b05',
    hostile: false,
    text:
      'In this month’s newsletter: how to find cheaper flights and hotels for your summer holiday, plus our five favourite city ' +
      'breaks in Europe.',
    expectedFlags: [],
  },
  {
    id: 'b06',
    hostile: false,
    text:
      'Hi, I noticed you lead the engineering team at your company. Our build platform cuts CI times by 40%. Would you be open to a ' +
      '15-minute demo next week?',
    expectedFlags: ['unsolicited-approach'],
  },
  {
    id: 'b07',
    hostile: false,
    text:
      'Thank you for applying. Candidates invited to the final interview at our Bristol office will have reasonable travel expenses ' +
      'reimbursed in line with our policy.',
    expectedFlags: [],
  },
  {
    id: 'b08',
    hostile: false,
    text:
      'I really enjoyed your talk at the conference last week. Would you be interested in co-authoring a paper on low-power sensor ' +
      'networks for the spring workshop?',
    expectedFlags: [],
  },
  {
    id: 'b09',
    hostile: false,
    text: 'Reminder: expense claims for last month’s trip to the Hamburg trade fair must be submitted by Friday to be reimbursed this month.',
    expectedFlags: [],
  },
  {
    id: 'b10',
    hostile: false,
    text: 'Great to see you at the reunion on Saturday! Let’s continue on WhatsApp so I can send you the photos.',
    expectedFlags: ['move-off-platform'],
  },
  {
    id: 'b11',
    hostile: false,
    text: 'Thanks for connecting. Could you share your work email address so I can send over our product brochure?',
    expectedFlags: ['unsolicited-approach'],
  },
  {
    id: 'b12',
    hostile: false,
    text:
      'I’m a reporter at a regional newspaper, writing a piece on skills shortages in the local aerospace industry. Would you be ' +
      'willing to give a short comment on the record? I’m happy to run any quotes past your press office first.',
    expectedFlags: ['unsolicited-approach'],
  },
  {
    id: 'b13',
    hostile: false,
    text:
      'This is a confidential search, so I can’t name my client yet, but it is a well-known engineering firm and I can share the ' +
      'details once we’ve spoken.',
    expectedFlags: [],
  },
  {
    id: 'b14',
    hostile: false,
    text:
      'I work for an expert network. One of our clients, an investment firm, would like a one-hour paid call with someone who knows ' +
      'the UK water industry; our standard fee is £150 an hour. Our compliance team will ask you to confirm that you won’t disclose ' +
      'anything confidential from your employer.',
    expectedFlags: ['unsolicited-approach', 'paid-reports'],
  },
  {
    id: 'b15',
    hostile: false,
    text: 'Alumni news: members travelling to the autumn conference in Singapore can claim a discount on hotel rooms booked through the association.',
    expectedFlags: [],
  },
  {
    id: 'b16',
    hostile: false,
    text:
      'IT notice: WhatsApp, Signal and Telegram are not approved for work conversations. Please keep using Teams and your work email ' +
      'for anything related to your job.',
    expectedFlags: [],
  },
  {
    id: 'b17',
    hostile: false,
    text: 'Just following up on my earlier message — we’d be happy to set your team up with a free 30-day trial, no credit card needed.',
    expectedFlags: [],
  },
  {
    id: 'b18',
    hostile: false,
    text: 'This role requires active SC clearance, so please only apply if you hold it or are eligible for it. Full details are in the job advert.',
    expectedFlags: [],
  },
  {
    id: 'b19',
    hostile: false,
    text: 'Thanks for a great presentation yesterday, it was really useful for our team. Could you send me the slides when you have a moment?',
    expectedFlags: [],
  },
  {
    id: 'b20',
    hostile: false,
    text: 'Which firmware version is your team planning to ship next quarter? We need to schedule our integration testing around it.',
    expectedFlags: [],
  },
  {
    id: 'b21',
    hostile: false,
    text:
      'Your manager has approved your trip. The company will pay for your flights and hotel for the Toronto conference; please book ' +
      'through the usual travel portal.',
    expectedFlags: [],
  },
  {
    id: 'b22',
    hostile: false,
    text:
      'Reminder from the security team: never discuss classified projects or share programme details on social media, even in ' +
      'private messages.',
    expectedFlags: [],
  },
  {
    id: 'b23',
    hostile: false,
    text:
      'Our financial wellbeing webinar on Thursday covers budgeting, managing debt and dealing with rising mortgage repayments. Book ' +
      'your place on the intranet.',
    expectedFlags: [],
  },
  {
    id: 'b24',
    hostile: false,
    text: 'Please keep the surprise party for Jo between us — she has no idea!',
    expectedFlags: [],
  },
  {
    id: 'b25',
    hostile: false,
    text:
      'Hi Priya, the project kick-off is next Monday. Could you tell me who from your side will lead the testing work, so I can add ' +
      'them to the invite?',
    expectedFlags: [],
  },
  {
    id: 'b26',
    hostile: false,
    text: 'We’re delighted to confirm your place at the graduate careers fair. Lunch is provided, and there is free parking on site.',
    expectedFlags: [],
  },
  {
    id: 'b27',
    hostile: false,
    text: 'Congratulations on your new role! Your work on the bridge project was brilliant, and the team will miss you. Let’s stay in touch.',
    expectedFlags: [],
  },
  {
    id: 'b28',
    hostile: false,
    text:
      'Our quarterly newsletter: the engineering society is offering travel grants for student members presenting at the summer ' +
      'conference in Prague. Apply by 1 June.',
    expectedFlags: [],
  },
  {
    id: 'b29',
    hostile: false,
    text:
      'I’m organising the regional meetup for embedded developers next month. Would you like to give a 20-minute talk? We can’t pay ' +
      'speakers, but we’ll buy you a pizza.',
    expectedFlags: [],
  },
  {
    id: 'b30',
    hostile: false,
    text:
      'Hello, my name is Laura and I’m a final-year student writing a dissertation on renewable energy policy. Would you have 20 ' +
      'minutes for a short interview about your career? Unfortunately I can’t offer any payment.',
    expectedFlags: ['unsolicited-approach'],
  },
  {
    id: 'b31',
    hostile: false,
    text: 'Thanks for your message. Our office is closed over the holidays; we’ll reply when we reopen on 3 January.',
    expectedFlags: [],
  },
  {
    id: 'b32',
    hostile: false,
    text:
      'Hi team, the client has asked us to keep the tender price confidential until the contract is signed, so please don’t share ' +
      'the figures outside the bid team.',
    expectedFlags: [],
  },
  {
    id: 'b33',
    hostile: false,
    text:
      'We’re hiring! Our defence electronics business is looking for test engineers across three sites. Visit our careers page to ' +
      'see all open roles and apply online.',
    expectedFlags: [],
  },
  {
    id: 'b34',
    hostile: false,
    text: 'Hi Alex, hope the move went well! Are you still up for climbing on Saturday? Text me on my personal number if the plans change.',
    expectedFlags: ['move-off-platform'],
  },
  {
    id: 'b35',
    hostile: false,
    text:
      'Hello from the conference team! Registration for the Autumn Engineering Summit in Manchester is now open. Early-bird tickets ' +
      'are available until 30 June, and hotel rooms near the venue can be booked at a discounted rate.',
    expectedFlags: [],
  },
  {
    id: 'b36',
    hostile: false,
    text:
      'Hi, I’m Tom from the supplier development team at our prime contractor. We’d like to arrange a routine quality audit of your ' +
      'site next month — could you suggest some dates?',
    expectedFlags: ['unsolicited-approach'],
  },
  {
    id: 'b37',
    hostile: false,
    text:
      'Your profile caught my eye — you have exactly the kind of experience our graduate mentoring programme is looking for. Would ' +
      'you consider volunteering as a mentor for two hours a month?',
    expectedFlags: ['unsolicited-approach', 'flattery'],
  },
  {
    id: 'b38',
    hostile: false,
    text: 'We noticed a sign-in to your account from a new device. If this was you, no action is needed.',
    expectedFlags: [],
  },
  {
    id: 'b39',
    hostile: false,
    text: 'Hi, we met at the careers fair last week. As promised, here is the link to our graduate scheme; applications close on 15 March.',
    expectedFlags: [],
  },
  {
    id: 'b40',
    hostile: false,
    text:
      'Thanks for your interest in our newsletter! Each week we send a short summary of defence industry news, contract awards and ' +
      'conference announcements.',
    expectedFlags: [],
  },
  // Messages from here on were first written as a held-out set for a draft of the default rules,
  // measured once (see the README), and then joined to the corpus.
  {
    id: 'b41',
    hostile: false,
    text:
      'Hi Jamie, I’m a talent partner at a renewable energy company. We’re building a new controls team in Glasgow and I’d love to ' +
      'tell you more. Salary is in line with the market and the role is fully on-site.',
    expectedFlags: ['unsolicited-approach'],
  },
  {
    id: 'b42',
    hostile: false,
    text: 'Speaker information: the symposium cannot cover travel or accommodation for speakers, but registration is free for all presenters.',
    expectedFlags: [],
  },
  {
    id: 'b43',
    hostile: false,
    text: 'Hey, it’s Chris from the five-a-side team — can you add me on WhatsApp? Lost my phone and all my contacts.',
    expectedFlags: ['move-off-platform'],
  },
  {
    id: 'b44',
    hostile: false,
    text: 'Security awareness tip: if anyone asks you to keep a conversation secret from your employer, report it to the security team straight away.',
    expectedFlags: [],
  },
  {
    id: 'b45',
    hostile: false,
    text: 'Thanks for your order. Your invoice for the annual subscription is attached; payment is due within 30 days.',
    expectedFlags: [],
  },
  {
    id: 'b46',
    hostile: false,
    text:
      'Congratulations, your paper has been accepted for the summer conference! Please submit the camera-ready version by 12 May and ' +
      'register at least one author.',
    expectedFlags: [],
  },
  {
    id: 'b47',
    hostile: false,
    text: 'Our travel team has booked your flights to the Oslo site visit. The hotel confirmation will follow from the corporate travel portal.',
    expectedFlags: [],
  },
  {
    id: 'b48',
    hostile: false,
    text: 'Could you let me know which project code I should book my hours to this week? The timesheet system won’t accept the old one.',
    expectedFlags: [],
  },
  {
    id: 'b49',
    hostile: false,
    text:
      'Hi, I read your article on grid batteries and found it really thoughtful. Would you be open to a coffee chat about career ' +
      'paths in energy storage? I’m just starting out.',
    expectedFlags: ['unsolicited-approach'],
  },
  {
    id: 'b50',
    hostile: false,
    text: 'Reminder: all staff must declare gifts and hospitality over £50 using the online form, including meals and travel paid for by suppliers.',
    expectedFlags: [],
  },
  {
    id: 'b51',
    hostile: false,
    text:
      'The quarterly all-hands will cover the new programme structure, upcoming contracts and our hiring plans. Questions can be ' +
      'submitted anonymously in advance.',
    expectedFlags: [],
  },
  {
    id: 'b52',
    hostile: false,
    text:
      'We’re a small family-run consultancy that helps councils with flood planning. We’re looking for a part-time hydrologist — see ' +
      'the advert on our website for pay and details.',
    expectedFlags: ['unsolicited-approach'],
  },
  {
    id: 'b53',
    hostile: false,
    text: 'Great chatting at the meetup! My personal email is below if you want to swap notes on Rust embedded tooling.',
    expectedFlags: ['move-off-platform'],
  },
  {
    id: 'b54',
    hostile: false,
    text: 'Your manager asked me to check: has your clearance renewal gone through yet? The vetting office needs to know by Friday.',
    expectedFlags: [],
  },
  {
    id: 'b55',
    hostile: false,
    text: 'This week’s newsletter: what the new defence budget means for suppliers, and which contracts are expected to go out to tender this year.',
    expectedFlags: [],
  },
  {
    id: 'b56',
    hostile: false,
    text:
      'We would be honoured if you would join our alumni panel next month. It is a voluntary role, so there is no fee, but we will of ' +
      'course provide lunch.',
    expectedFlags: [],
  },
  // Messages from here on were the second held-out set (see the README), joined to the corpus afterwards.
  {
    id: 'b57',
    hostile: false,
    text: 'Hi Morgan, I’m recruiting for a systems engineer role with a rail operator in Birmingham. The pay is £55k plus benefits. Would you be open to a short call to discuss?',
    expectedFlags: ['unsolicited-approach'],
  },
  {
    id: 'b58',
    hostile: false,
    text: 'Hi, your colleague Sarah suggested I get in touch about the open-source telemetry library you maintain. Would you be interested in presenting it at our user group?',
    expectedFlags: ['unsolicited-approach'],
  },
  {
    id: 'b59',
    hostile: false,
    text: 'Our conference offers a limited number of travel bursaries for early-career researchers. Applications are reviewed by the programme committee.',
    expectedFlags: [],
  },
  {
    id: 'b60',
    hostile: false,
    text: 'Reminder: if you’re travelling abroad for work, complete the pre-travel security briefing and register your trip with the travel team.',
    expectedFlags: [],
  },
  {
    id: 'b61',
    hostile: false,
    text: 'Can you send me the final version of the test plan before Thursday’s review? I want to check the dates against the delivery schedule.',
    expectedFlags: [],
  },
  {
    id: 'b62',
    hostile: false,
    text: 'Thanks for the lovely evening! Send me your personal email and I’ll forward the photos from the party.',
    expectedFlags: ['move-off-platform'],
  },
  {
    id: 'b63',
    hostile: false,
    text: 'Just a heads-up: the team lunch on Friday is a surprise for Dan’s farewell, so please keep it quiet.',
    expectedFlags: [],
  },
  {
    id: 'b64',
    hostile: false,
    text: 'The project board meets monthly to review progress, risks and any delays, and minutes are published on the intranet.',
    expectedFlags: [],
  },
  {
    id: 'b65',
    hostile: false,
    text: 'We’re organising a charity run next month and would love you to join the company team. The entry fee is covered by the social committee.',
    expectedFlags: [],
  },
  {
    id: 'b66',
    hostile: false,
    text: 'This is an automated message: your password will expire in 7 days. Please change it through the self-service portal.',
    expectedFlags: [],
  },
  {
    id: 'b67',
    hostile: false,
    text: 'Hello, I’m a PhD student researching workforce diversity in engineering. Would you be willing to fill in a 10-minute anonymous survey? Participants can enter a prize draw for a £20 voucher.',
    expectedFlags: ['unsolicited-approach'],
  },
  {
    id: 'b68',
    hostile: false,
    text: 'Hi Lee, great meeting you at the hackathon. I’ve put together a few notes on the ideas we discussed — happy to continue over email if that’s easier.',
    expectedFlags: [],
  },
  {
    id: 'b69',
    hostile: false,
    text: 'Your annual performance review is due. Please complete your self-assessment and share it with your line manager by the end of the month.',
    expectedFlags: [],
  },
  {
    id: 'b70',
    hostile: false,
    text: 'Our consultancy is running a free webinar on cyber-security regulations for small suppliers. Sign up through the link on our website.',
    expectedFlags: [],
  },
  {
    id: 'b71',
    hostile: false,
    text: 'We’d like to invite you to review papers for our journal this year. Reviewing is voluntary and unpaid, but reviewers receive a certificate of recognition.',
    expectedFlags: [],
  },
  {
    id: 'b72',
    hostile: false,
    text: 'Hey, the old group chat is dead — we’ve all moved to Signal. Want me to add you?',
    expectedFlags: ['move-off-platform'],
  },
  {
    id: 'b73',
    hostile: false,
    text: 'The facilities team will be testing the fire alarms on Wednesday morning. No action is needed.',
    expectedFlags: [],
  },
  {
    id: 'b74',
    hostile: false,
    text: 'Congratulations on the award! Your team’s work on the bridge sensors is genuinely world-class, and thoroughly deserved.',
    expectedFlags: [],
  },
  {
    id: 'b75',
    hostile: false,
    text: 'Hi, I’m the new procurement lead at our Derby site. Could you tell me who the main suppliers are for the cable assemblies, so I can set up the review meetings?',
    expectedFlags: ['unsolicited-approach'],
  },
  {
    id: 'b76',
    hostile: false,
    text: 'Thank you for speaking at our seminar. As agreed, we’ll pay your standard speaker fee of £300 into your business account within 30 days.',
    expectedFlags: [],
  },
  // Messages from here on were the third held-out set (see the README), joined to the corpus afterwards.
  {
    id: 'b77',
    hostile: false,
    text: 'Hi Ravi, I’m a recruiter with a specialist engineering agency. I have a permanent role in power electronics near Cambridge — happy to send details if you’re open to a move.',
    expectedFlags: ['unsolicited-approach'],
  },
  {
    id: 'b78',
    hostile: false,
    text: 'The conference dinner is included in your registration fee. Delegates arrange their own hotels; a list of nearby options is on the website.',
    expectedFlags: [],
  },
  {
    id: 'b79',
    hostile: false,
    text: 'Hi all, reminder that the supplier day is next Tuesday. Please make sure your slides on the integration timeline are uploaded by Monday.',
    expectedFlags: [],
  },
  {
    id: 'b80',
    hostile: false,
    text: 'Can you add me on Signal? The parents’ group for the school trip is moving there.',
    expectedFlags: ['move-off-platform'],
  },
  {
    id: 'b81',
    hostile: false,
    text: 'Your pension statement is now available. Log in to the member portal to see your projected retirement income.',
    expectedFlags: [],
  },
  {
    id: 'b82',
    hostile: false,
    text: 'We’d love to feature you in our employee spotlight newsletter — you’ve done amazing work on the apprentice scheme!',
    expectedFlags: [],
  },
  {
    id: 'b83',
    hostile: false,
    text: 'Thanks for reviewing my pull request. Could you also take a quick look at the test results from last night’s build?',
    expectedFlags: [],
  },
  {
    id: 'b84',
    hostile: false,
    text: 'Hello, I’m writing on behalf of the local chamber of commerce to invite you to our annual awards evening. Tickets are free for nominees.',
    expectedFlags: ['unsolicited-approach'],
  },
  {
    id: 'b85',
    hostile: false,
    text: 'Please note that all consultancy work outside your employment must be declared to HR and approved before you start.',
    expectedFlags: [],
  },
  {
    id: 'b86',
    hostile: false,
    text: 'Heads up — the budget figures for next year are embargoed until the board meeting, so don’t forward the spreadsheet to anyone yet.',
    expectedFlags: [],
  },
  {
    id: 'b87',
    hostile: false,
    text: 'Hi, we met at the summit in Brussels. Here is the paper I mentioned; it’s open access, so feel free to share it with your colleagues.',
    expectedFlags: [],
  },
  {
    id: 'b88',
    hostile: false,
    text: 'Our travel insurance covers medical expenses and cancelled flights for trips booked through the company portal.',
    expectedFlags: [],
  },
  {
    id: 'b89',
    hostile: false,
    text: 'As a thank-you for completing the staff survey, everyone who responds will be entered into a draw for a £50 gift card.',
    expectedFlags: [],
  },
  {
    id: 'b90',
    hostile: false,
    text: 'Dear Dr Patel, we are pleased to offer you a paid summer internship for one of your students. The stipend is £2,000 per month.',
    expectedFlags: [],
  },
  {
    id: 'b91',
    hostile: false,
    text: 'Just checking in — how is the new job going? Hope the team are treating you well.',
    expectedFlags: [],
  },
  {
    id: 'b92',
    hostile: false,
    text: 'Hello, I found your profile through the alumni network and wondered whether you’d be willing to mentor a final-year student this term.',
    expectedFlags: ['unsolicited-approach'],
  },
  {
    id: 'b93',
    hostile: false,
    text: 'The security team runs a short refresher on handling classified documents every spring; book a slot on the training page.',
    expectedFlags: [],
  },
  {
    id: 'b94',
    hostile: false,
    text: 'Friendly reminder: expense claims for the Berlin workshop, including flights and hotels, need receipts attached.',
    expectedFlags: [],
  },
  {
    id: 'b95',
    hostile: false,
    text: 'Congratulations on your promotion! Your leadership on the software upgrade really made a difference.',
    expectedFlags: [],
  },
  {
    id: 'b96',
    hostile: false,
    text: 'Would you be willing to peer-review a manuscript for our journal? We offer reviewers a 20% discount on publication fees.',
    expectedFlags: [],
  },
  {
    id: 'b97',
    hostile: false,
    text: 'Thanks for presenting at the supplier day. Your insight is exactly what our clients need, and our account team will send the slides round this week.',
    expectedFlags: ['flattery'],
    note: '"What our clients need" is the sender talking about their own clients, not asking about yours.',
  },
  {
    id: 'b98',
    hostile: false,
    text: 'Our annual survey is out: what our clients value most is fast, friendly support. The full results are on our website.',
    expectedFlags: [],
  },
  {
    id: 'b99',
    hostile: false,
    text: 'Release 4.2 of the planning tool adds a dark mode, which our customers appreciate on night shifts. Update from the app store as usual.',
    expectedFlags: [],
  },
  {
    id: 'b100',
    hostile: false,
    text: 'Great to meet you at the careers fair. Your portfolio is exactly what my clients are looking for, so I will pass it on to the two hiring managers I mentioned.',
    expectedFlags: ['flattery'],
    note: 'A recruiter’s praise in the catalogue’s "exactly what the client needs" form; "my clients" are the recruiter’s own.',
  },
  {
    id: 'b101',
    hostile: false,
    text: 'Update for the steering group: we had some delays on our project last month, but the new rig is in and we are back on plan.',
    expectedFlags: [],
  },
  {
    id: 'b102',
    hostile: false,
    text: 'I have booked my flights and hotel for the Hamburg conference. See you at the registration desk on Monday!',
    expectedFlags: [],
  },
  {
    id: 'b103',
    hostile: false,
    text: 'Here is what our programme offers graduates joining your team in September: mentoring, two rotations and a training budget.',
    expectedFlags: [],
  },
  {
    id: 'b104',
    hostile: false,
    text: 'How is our bid going? Procurement said the evaluation panel meets on Friday, so I will keep Thursday free.',
    expectedFlags: [],
    note: 'A colleague asking about their own team’s bid.',
  },
  {
    id: 'b105',
    hostile: false,
    text: 'Sorry, we had a problem with our booking system this morning. Could you re-send your order for the workshop?',
    expectedFlags: [],
  },
];
