import type { CorpusMessage } from './types.js';

/**
 * Hostile approaches, written for this corpus: invented senders, no real people or companies.
 * They cover the stages described in the product brief — the flattering cold approach, paid
 * "reports", conference travel abroad, moving off the platform, secrecy, elicitation, and the
 * turn to pressure and blackmail — each phrased several ways.
 */
export const HOSTILE_MESSAGES: readonly CorpusMessage[] = [
  {
    id: 'h01',
    hostile: true,
    text:
      'Hello Daniel, I came across your profile while researching the radar sector and your background is genuinely outstanding. ' +
      'I advise a group of Asian investors who want to understand where the industry is heading. They would pay £1,500 for a short ' +
      'report with your personal views — nothing confidential, of course. LinkedIn messages are slow; could we continue this on WhatsApp?',
    expectedFlags: ['unsolicited-approach', 'flattery', 'paid-reports', 'move-off-platform'],
  },
  {
    id: 'h02',
    hostile: true,
    text:
      'Dear Dr Okafor, our institute is holding a closed round-table on maritime security in Shanghai this October. Given your ' +
      'distinguished career, we would be honoured to have you as a speaker. Business-class flights, five-star accommodation and a ' +
      'generous honorarium will all be provided by our hosts.',
    expectedFlags: ['flattery', 'travel-abroad', 'too-good-to-be-true'],
  },
  {
    id: 'h03',
    hostile: true,
    text:
      'Hi Marta, I edit a small policy journal and would love to commission a short paper from you, around 2,000 words, on how ' +
      'European armies buy armoured vehicles. There is an honorarium for a short paper like this, paid on delivery. Please send the ' +
      'draft to my personal address rather than through this site.',
    expectedFlags: ['unsolicited-approach', 'paid-reports', 'move-off-platform'],
  },
  {
    id: 'h04',
    hostile: true,
    text:
      'My client would very much like to meet you in person in Singapore next month. Please don’t worry about costs: we would cover ' +
      'your flights and hotel, and any expenses while you are there.',
    expectedFlags: ['travel-abroad'],
  },
  {
    id: 'h05',
    hostile: true,
    text:
      'Thanks for accepting my connection request! Messaging on here is painfully slow, so let’s continue on WhatsApp — my number ' +
      'is in my profile. I have an interesting opportunity for someone with your skills.',
    expectedFlags: ['unsolicited-approach', 'move-off-platform'],
  },
  {
    id: 'h06',
    hostile: true,
    text:
      'The role I mentioned is highly confidential. At this early stage I’d ask you not to mention it to your employer or your ' +
      'colleagues — the client values discretion above everything.',
    expectedFlags: ['secrecy-request'],
  },
  {
    id: 'h07',
    hostile: true,
    text: 'Let’s keep this between the two of us for now. Your security people would only complicate something that is really very simple.',
    expectedFlags: ['secrecy-request'],
  },
  {
    id: 'h08',
    hostile: true,
    text:
      'Out of interest, which programmes is your team working on at the moment, and who are the main customers? I heard there were ' +
      'delays with the new sonar system — is that right?',
    expectedFlags: ['sensitive-topic-drift'],
  },
  {
    id: 'h09',
    hostile: true,
    text: 'You mentioned you hold a clearance. Which of the classified projects does it give you access to, and how often do you see the test results?',
    expectedFlags: ['sensitive-topic-drift'],
  },
  {
    id: 'h10',
    hostile: true,
    text:
      'It would be a shame if your employer found out about the payments you have already accepted from us. I’m sure we can ' +
      'continue our cooperation as before.',
    expectedFlags: ['compromise-or-threat'],
  },
  {
    id: 'h11',
    hostile: true,
    text:
      'We have photographs from the evening at the hotel that I think you would prefer your wife not to see. Send us one more ' +
      'document and all of this will be forgotten.',
    expectedFlags: ['compromise-or-threat'],
  },
  {
    id: 'h12',
    hostile: true,
    text:
      'I understand things have been difficult since the divorce, and the mortgage repayments have gone up. A small consultancy ' +
      'arrangement with my firm could help you clear those debts quite quickly.',
    expectedFlags: ['financial-pressure', 'paid-reports'],
  },
  {
    id: 'h13',
    hostile: true,
    text:
      'I represent a client prepared to offer a retainer of $8,000 a month for a few hours of advice each month — far above what ' +
      'you earn today. No formal application or interview is needed.',
    expectedFlags: ['unsolicited-approach', 'too-good-to-be-true', 'paid-reports'],
  },
  {
    id: 'h14',
    hostile: true,
    text:
      'Your expertise in satellite communications is unmatched, and frankly you are exactly the person my client needs. We are a ' +
      'newly established consultancy, so you won’t find much about us online yet, but our backers are very serious people.',
    expectedFlags: ['unsolicited-approach', 'flattery', 'unverifiable-company'],
  },
  {
    id: 'h15',
    hostile: true,
    text: 'For privacy reasons I would rather we talked on Signal. Could you add me? My username is below.',
    expectedFlags: ['move-off-platform'],
  },
  {
    id: 'h16',
    hostile: true,
    text:
      'Please drop me a message on Telegram when you can. There’s no need to involve your company’s HR or security department; in my ' +
      'experience they only slow things down.',
    expectedFlags: ['move-off-platform', 'secrecy-request'],
  },
  {
    id: 'h17',
    hostile: true,
    text: 'Could you give me your private email address? I would prefer not to use your work account for something like this.',
    expectedFlags: ['move-off-platform'],
  },
  {
    id: 'h18',
    hostile: true,
    text:
      'We would be delighted to waive your registration fee and reimburse your airfare and accommodation for the summit on emerging ' +
      'defence technologies in Beijing.',
    expectedFlags: ['travel-abroad'],
  },
  {
    id: 'h19',
    hostile: true,
    text:
      'Every spring our foundation runs a fully funded study visit to partner institutes overseas. Everything is taken care of — ' +
      'tickets, hotel, meals — and we only ask participants to share their insights in a few informal discussions.',
    expectedFlags: ['travel-abroad'],
  },
  {
    id: 'h20',
    hostile: true,
    text:
      'We are putting together a white paper on next-generation battery technology for a client and would really value your input. ' +
      'We pay our contributors very generously, usually in advance.',
    expectedFlags: ['paid-reports', 'too-good-to-be-true'],
  },
  {
    id: 'h21',
    hostile: true,
    text:
      'My firm provides market insight to investors. A thirty-minute call about your division’s upcoming contracts would earn you a ' +
      'consultation fee of $1,000.',
    expectedFlags: ['unsolicited-approach', 'paid-reports', 'sensitive-topic-drift', 'too-good-to-be-true'],
  },
  {
    id: 'h22',
    hostile: true,
    text:
      'The first report was excellent and my client paid straight away, as promised. This time they would like a little more ' +
      'detail: the test schedule, and which of your suppliers are having problems.',
    expectedFlags: ['paid-reports', 'sensitive-topic-drift'],
  },
  {
    id: 'h23',
    hostile: true,
    text: 'Could you tell me a bit about your colleagues? Who leads the encryption work, and who has access to the project documents?',
    expectedFlags: ['sensitive-topic-drift'],
  },
  {
    id: 'h24',
    hostile: true,
    text:
      'Honestly, only someone with your unique insight can help us make sense of this market. Everyone we have spoken to says you ' +
      'are highly regarded in the field.',
    expectedFlags: ['flattery'],
  },
  {
    id: 'h25',
    hostile: true,
    text: 'Let’s move this to my personal number, it is more secure than LinkedIn. Call or text me any time.',
    expectedFlags: ['move-off-platform'],
  },
  {
    id: 'h26',
    hostile: true,
    text: 'As a token of our appreciation for your time we would like to send you a new laptop and a gift voucher — no strings attached.',
    expectedFlags: ['too-good-to-be-true'],
  },
  {
    id: 'h27',
    hostile: true,
    text:
      'We will book your tickets to Istanbul and cover the hotel for the whole week. There is no need to inform your employer; it ' +
      'is a private trip after all.',
    expectedFlags: ['travel-abroad', 'secrecy-request'],
  },
  {
    id: 'h28',
    hostile: true,
    text: 'Between ourselves, it would be better if your manager did not know about our little arrangement.',
    expectedFlags: ['secrecy-request'],
  },
  {
    id: 'h29',
    hostile: true,
    text:
      'A friend mentioned you have been struggling with some debts lately. We could advance you a payment now, and you could repay ' +
      'us with a few short reports later on.',
    expectedFlags: ['financial-pressure', 'paid-reports'],
  },
  {
    id: 'h30',
    hostile: true,
    text: 'If you stop cooperating now, I cannot promise that the recordings of our conversations will stay private.',
    expectedFlags: ['compromise-or-threat'],
  },
  {
    id: 'h31',
    hostile: true,
    text:
      'Hi! I hope you don’t mind me reaching out. I’m a headhunter working for a fast-growing investment fund, and your profile is ' +
      'truly exceptional. The role is remote and flexible, needs only a few hours a week, and pays well above the market rate.',
    expectedFlags: ['unsolicited-approach', 'flattery', 'too-good-to-be-true'],
  },
  {
    id: 'h32',
    hostile: true,
    text:
      'To answer your question: yes, our company was only set up last month, so we don’t have a website yet, but we are backed by ' +
      'investors with strong government connections. I’m sure you understand why we keep a low profile.',
    expectedFlags: ['unverifiable-company'],
  },
  {
    id: 'h33',
    hostile: true,
    text: 'You must be very busy with the new frigate programme. What stage is the combat system integration at? Any trouble with the radar supplier?',
    expectedFlags: ['sensitive-topic-drift'],
  },
  {
    id: 'h34',
    hostile: true,
    text:
      'We would love you to speak at our forum in Moscow in the spring. All your travel costs would be paid by the organisers, and ' +
      'there is a speaker’s fee as well.',
    expectedFlags: ['travel-abroad'],
  },
  {
    id: 'h35',
    hostile: true,
    text:
      'Dear colleague, we have not met, but a mutual acquaintance suggested I contact you. We are preparing an analysis for a ' +
      'foreign ministry client and would pay you for a few pages on your sector. Please reply to my Gmail account rather than here.',
    expectedFlags: ['unsolicited-approach', 'paid-reports', 'move-off-platform'],
  },
  {
    id: 'h36',
    hostile: true,
    text: 'I’d appreciate your discretion. Please treat our conversations as confidential and don’t share them with anyone at work.',
    expectedFlags: ['secrecy-request'],
  },
  {
    id: 'h37',
    hostile: true,
    text:
      'Thank you for the overview. Could you send me a copy of the technical specification you mentioned? Just the parts that are ' +
      'not marked as restricted, of course.',
    expectedFlags: ['sensitive-topic-drift'],
  },
  {
    id: 'h38',
    hostile: true,
    text:
      'Greetings. My name is Victor and I run a research consultancy in Vienna. We would be happy to sponsor your trip to our annual ' +
      'symposium, and many speakers stay on for a few days at our expense to see the city.',
    expectedFlags: ['unsolicited-approach', 'travel-abroad'],
  },
  {
    id: 'h39',
    hostile: true,
    text: 'You have already taken our money. Walking away now would be very unwise, for you and for your family.',
    expectedFlags: ['compromise-or-threat'],
  },
  {
    id: 'h40',
    hostile: true,
    text:
      'I have read everything you have published on hypersonic propulsion — you are one of the brightest minds in the field. We are ' +
      'a small think tank with a big interest in your ideas. Would you be open to a paid advisory role?',
    expectedFlags: ['unsolicited-approach', 'flattery', 'paid-reports'],
  },
  // Messages from here on were first written as a held-out set for a draft of the default rules,
  // measured once (see the README), and then joined to the corpus.
  {
    id: 'h41',
    hostile: true,
    text:
      'Good afternoon. I lead a boutique advisory practice serving sovereign wealth clients. We would like to retain you for ' +
      'occasional written commentary on naval procurement — compensation is very attractive and paid promptly in any currency you like.',
    expectedFlags: ['unsolicited-approach', 'paid-reports', 'too-good-to-be-true'],
  },
  {
    id: 'h42',
    hostile: true,
    text:
      'We are hosting a small delegation of engineers in Guangzhou next spring. Your airfare, visa fees and a daily allowance would ' +
      'be handled by us. Interested?',
    expectedFlags: ['travel-abroad'],
  },
  {
    id: 'h43',
    hostile: true,
    text: 'Please keep our chats off the record — your bosses don’t need to hear about a little side project.',
    expectedFlags: ['secrecy-request'],
  },
  {
    id: 'h44',
    hostile: true,
    text: 'I’m much more comfortable on Wire or Threema. Here’s my ID; ping me there and we can talk properly.',
    expectedFlags: ['move-off-platform'],
  },
  {
    id: 'h45',
    hostile: true,
    text:
      'Quick question from a curious outsider: roughly how many units is your plant expected to deliver to the navy this year, and ' +
      'are the acceptance trials on track?',
    expectedFlags: ['sensitive-topic-drift'],
  },
  {
    id: 'h46',
    hostile: true,
    text: 'Remember the evening in Dubai? Some people would find those pictures very interesting. I suggest you answer my next question honestly.',
    expectedFlags: ['compromise-or-threat'],
  },
  {
    id: 'h47',
    hostile: true,
    text:
      'I know the last year has been tough for you financially. Think of our arrangement as a way to get back on your feet — the ' +
      'first instalment can go out this week.',
    expectedFlags: ['financial-pressure'],
  },
  {
    id: 'h48',
    hostile: true,
    text:
      'You are clearly one of the sharpest analysts of your generation. People like you are rare, and our partners would be thrilled ' +
      'to work with you.',
    expectedFlags: ['flattery'],
  },
  {
    id: 'h49',
    hostile: true,
    text: 'Our research foundation would welcome a short memo from you on export-control trends. We offer a stipend of €2,500 per memo.',
    expectedFlags: ['paid-reports', 'too-good-to-be-true'],
  },
  {
    id: 'h50',
    hostile: true,
    text: 'Let’s not involve your vetting officer in this; it’s just a friendly exchange of ideas between professionals.',
    expectedFlags: ['secrecy-request'],
  },
  {
    id: 'h51',
    hostile: true,
    text:
      'Hi there! Saw your post about the wind tunnel upgrade. My employer is a start-up you won’t have heard of — we’re still in ' +
      'stealth mode — and we’d love to hear more about the test campaign and who your main subcontractors are.',
    expectedFlags: ['unsolicited-approach', 'unverifiable-company', 'sensitive-topic-drift'],
  },
  {
    id: 'h52',
    hostile: true,
    text:
      'Every expense of your stay in Minsk — flights, the hotel, meals, even a guide — is on us. All we ask is a couple of informal ' +
      'talks with our engineers.',
    expectedFlags: ['travel-abroad'],
  },
  {
    id: 'h53',
    hostile: true,
    text:
      'If you’d rather I stopped sending you work, that’s fine. But I’m sure your security officer would love to see the invoices ' +
      'you’ve been sending me.',
    expectedFlags: ['compromise-or-threat'],
  },
  {
    id: 'h54',
    hostile: true,
    text: 'Send me your personal Gmail and I’ll share the brief there. Easier than going through corporate filters.',
    expectedFlags: ['move-off-platform'],
  },
  {
    id: 'h55',
    hostile: true,
    text: 'Our client pays ten times the normal consultancy day rate for this kind of insight. It would only take an afternoon of your time.',
    expectedFlags: ['too-good-to-be-true', 'paid-reports'],
  },
  {
    id: 'h56',
    hostile: true,
    text: 'Would you be able to describe the encryption scheme used on the new radio, at a high level? Nothing classified, just the architecture.',
    expectedFlags: ['sensitive-topic-drift'],
  },
  // Messages from here on were the second held-out set (see the README), joined to the corpus afterwards.
  {
    id: 'h57',
    hostile: true,
    text: 'Dear Sir, I am representing a consulting company from Hong Kong. We are looking for experts who can provide us with industry insights on a part-time basis, you will be well rewarded for your efforts.',
    expectedFlags: ['unsolicited-approach', 'too-good-to-be-true', 'paid-reports'],
  },
  {
    id: 'h58',
    hostile: true,
    text: 'Hello my friend, our organisation would like to invite you for a week-long exchange programme. The host side will bear all costs including round-trip tickets and accommodation.',
    expectedFlags: ['travel-abroad'],
  },
  {
    id: 'h59',
    hostile: true,
    text: 'Can we chat on WeChat instead? LinkedIn is blocked for me most of the time.',
    expectedFlags: ['move-off-platform'],
  },
  {
    id: 'h60',
    hostile: true,
    text: 'I’ll need you to delete our earlier messages here. It’s safer for both of us if there is no trace on this platform.',
    expectedFlags: ['secrecy-request'],
  },
  {
    id: 'h61',
    hostile: true,
    text: 'We were so impressed by your presentation that the board has asked me to personally extend an invitation. You really are in a league of your own.',
    expectedFlags: ['flattery'],
  },
  {
    id: 'h62',
    hostile: true,
    text: 'My client wants a realistic picture of the production rate for the new armoured vehicle. Any numbers you can share, even rough ones, would be rewarded.',
    expectedFlags: ['paid-reports', 'sensitive-topic-drift'],
  },
  {
    id: 'h63',
    hostile: true,
    text: 'I really need that document by Friday. You promised, and you know what happens if you let me down.',
    expectedFlags: ['compromise-or-threat'],
  },
  {
    id: 'h64',
    hostile: true,
    text: 'With the school fees coming up and your wife out of work, I imagine things are tight. Our offer still stands and would take care of that worry.',
    expectedFlags: ['financial-pressure'],
  },
  {
    id: 'h65',
    hostile: true,
    text: 'We can reimburse the conference fee and cover business-class return flights to Seoul plus five nights at the venue hotel.',
    expectedFlags: ['travel-abroad'],
  },
  {
    id: 'h66',
    hostile: true,
    text: 'Please don’t mention our conversations to anyone at your office — people there wouldn’t understand and it would only create problems.',
    expectedFlags: ['secrecy-request'],
  },
  {
    id: 'h67',
    hostile: true,
    text: 'For the white paper we discussed, we’d need your view on the current readiness levels of the maritime patrol fleet. We’ll transfer the fee once we receive the draft.',
    expectedFlags: ['paid-reports', 'sensitive-topic-drift'],
  },
  {
    id: 'h68',
    hostile: true,
    text: 'My organisation is quite new and we’re not listed anywhere yet, but I can assure you we’re legitimate. We’re funded by private investors who value privacy.',
    expectedFlags: ['unverifiable-company'],
  },
  {
    id: 'h69',
    hostile: true,
    text: 'Add me on Telegram: @nordic_analyst. Much quicker than waiting for replies here.',
    expectedFlags: ['move-off-platform'],
  },
  {
    id: 'h70',
    hostile: true,
    text: 'Hi! Your background in avionics is exactly what we’re looking for. We’d pay a six-figure salary for a mostly remote role with very few responsibilities.',
    expectedFlags: ['flattery', 'too-good-to-be-true'],
  },
  {
    id: 'h71',
    hostile: true,
    text: 'How is the modernisation contract with the air force going? I heard there are some technical issues with the new engines — what exactly went wrong?',
    expectedFlags: ['sensitive-topic-drift'],
  },
  {
    id: 'h72',
    hostile: true,
    text: 'I hope you remember our dinner in Hanoi. I still have the photos, and I think your company would find them very interesting.',
    expectedFlags: ['compromise-or-threat'],
  },
  {
    id: 'h73',
    hostile: true,
    text: 'Good morning, I’m a senior recruiter for a private-equity backed defence start-up. Before we go further, could you tell me what security clearance you hold and which programmes you’ve worked on?',
    expectedFlags: ['unsolicited-approach', 'sensitive-topic-drift'],
  },
  {
    id: 'h74',
    hostile: true,
    text: 'We only ask that you keep our collaboration to yourself for now. The fewer people know, the better for everyone.',
    expectedFlags: ['secrecy-request'],
  },
  {
    id: 'h75',
    hostile: true,
    text: 'Our think tank would be grateful for a few pages on your ministry’s thinking about the new export rules. A generous honorarium is of course available.',
    expectedFlags: ['paid-reports', 'too-good-to-be-true', 'sensitive-topic-drift'],
  },
  {
    id: 'h76',
    hostile: true,
    text: 'It was lovely to meet you at the trade fair. My company would be delighted to host you at our headquarters in Shenzhen — flights and hotel are taken care of, and there are some people who would very much like to meet you.',
    expectedFlags: ['travel-abroad'],
  },
  // Messages from here on were the third held-out set (see the README), joined to the corpus afterwards.
  {
    id: 'h77',
    hostile: true,
    text: 'Greetings from Singapore! Our advisory boutique helps Asian family offices understand Western technology markets. We’d happily pay you a consulting fee for a one-page outlook on quantum sensing each quarter.',
    expectedFlags: ['unsolicited-approach', 'paid-reports'],
  },
  {
    id: 'h78',
    hostile: true,
    text: 'Fancy a few days in Macau on us? Think of it as a thank-you for your help so far — the suite is already booked.',
    expectedFlags: ['travel-abroad'],
  },
  {
    id: 'h79',
    hostile: true,
    text: 'Honestly, you’re wasted where you are. Someone with your gifts should be earning three times as much.',
    expectedFlags: ['flattery'],
  },
  {
    id: 'h80',
    hostile: true,
    text: 'Best not to bring this up with your line manager for now. Let’s see how things develop first.',
    expectedFlags: ['secrecy-request'],
  },
  {
    id: 'h81',
    hostile: true,
    text: 'I’ve set up a Proton account just for our chats — could you use that from now on, rather than your work address?',
    expectedFlags: ['move-off-platform'],
  },
  {
    id: 'h82',
    hostile: true,
    text: 'Out of curiosity, what’s the maximum range you’ve achieved in the latest trials? Ballpark is fine.',
    expectedFlags: ['sensitive-topic-drift'],
  },
  {
    id: 'h83',
    hostile: true,
    text: 'Our partners are willing to cover the full cost of your daughter’s tuition if you can help them with a few technical questions.',
    expectedFlags: ['financial-pressure', 'paid-reports'],
  },
  {
    id: 'h84',
    hostile: true,
    text: 'I would hate for your vetting officer to hear about our little arrangement. Let’s just keep things as they are, shall we?',
    expectedFlags: ['compromise-or-threat'],
  },
  {
    id: 'h85',
    hostile: true,
    text: 'Hello, we are a newly formed research centre attached to a university abroad. We invite you as a visiting fellow for one month — airfare, apartment and a monthly stipend are included.',
    expectedFlags: ['unsolicited-approach', 'unverifiable-company', 'travel-abroad'],
  },
  {
    id: 'h86',
    hostile: true,
    text: 'You seem like exactly the sort of person we can trust. Your knowledge of the tender process would be invaluable to us — naturally we would make it worth your while.',
    expectedFlags: ['flattery', 'paid-reports', 'sensitive-topic-drift'],
  },
  {
    id: 'h87',
    hostile: true,
    text: 'Shall we switch to Viber? I find it more reliable than this site.',
    expectedFlags: ['move-off-platform'],
  },
  {
    id: 'h88',
    hostile: true,
    text: 'Tell me, how many people on your team hold top-secret clearance, and which of them travel to the test range?',
    expectedFlags: ['sensitive-topic-drift'],
  },
  {
    id: 'h89',
    hostile: true,
    text: 'You took the money, you signed the receipts. It is too late to pretend otherwise.',
    expectedFlags: ['compromise-or-threat'],
  },
  {
    id: 'h90',
    hostile: true,
    text: 'Please treat this as a private matter between the two of us — there’s nothing to be gained from involving the compliance team.',
    expectedFlags: ['secrecy-request'],
  },
  {
    id: 'h91',
    hostile: true,
    text: 'We are prepared to offer USD 20,000 for a brief written assessment. It should not take you more than a weekend.',
    expectedFlags: ['paid-reports', 'too-good-to-be-true'],
  },
  {
    id: 'h92',
    hostile: true,
    text: 'Our ministry would be glad to host you in Tehran for the conference; all arrangements, including flights and your stay, will be made by our protocol office.',
    expectedFlags: ['travel-abroad'],
  },
  {
    id: 'h93',
    hostile: true,
    text: 'I know money has been a worry since your business closed. A monthly retainer from us would remove that stress completely.',
    expectedFlags: ['financial-pressure', 'paid-reports'],
  },
  {
    id: 'h94',
    hostile: true,
    text: 'My name is Elena and I head a small strategy group. Your insights on the drone programme would be incredibly valuable to our clients.',
    expectedFlags: ['unsolicited-approach', 'sensitive-topic-drift'],
  },
  {
    id: 'h95',
    hostile: true,
    text: 'Before I forward your CV, I’d need to know roughly which systems you’ve had hands-on access to and at what classification level.',
    expectedFlags: ['sensitive-topic-drift'],
  },
  {
    id: 'h96',
    hostile: true,
    text: 'We noticed you have not replied. It would be a pity if your colleagues learned how you paid off that loan.',
    expectedFlags: ['compromise-or-threat'],
  },
  {
    id: 'h97',
    hostile: true,
    text: 'Thanks for accepting my connection request. I advise investors who follow the naval sector. Which customers does your division supply? Even a rough list would help.',
    expectedFlags: ['unsolicited-approach', 'sensitive-topic-drift'],
  },
  {
    id: 'h98',
    hostile: true,
    text: 'Good to hear from you again. Who are your main clients on the sonar programme? I am putting together a market map and your view would be very useful.',
    expectedFlags: ['sensitive-topic-drift'],
  },
  {
    id: 'h99',
    hostile: true,
    text: 'Hope the new role is going well! Out of curiosity, what clients is your team working with at the moment? We might be able to put some interesting work your way.',
    expectedFlags: ['sensitive-topic-drift'],
  },
];
