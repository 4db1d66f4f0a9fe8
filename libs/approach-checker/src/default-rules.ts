import type { RuleSet } from './rules.js';

/**
 * The rules every organisation starts with. Admins may copy and edit them; `evaluateCorpus`
 * shows how an edited copy performs on the built-in corpus (and on the organisation's own).
 *
 * Thresholds follow the catalogue's intent: one low-weight flag (an unsolicited message, some
 * flattery) stays low; any single weight-4 or weight-5 flag (paid reports, paid travel, secrecy,
 * elicitation, threats) is medium on its own; two serious flags together are high.
 *
 * Text rules are written to catch paraphrases: each pattern pairs a group of synonyms for the
 * *act* (pay, cover, reimburse…) with a group for the *object* (flights, hotel, accommodation…)
 * within a few words, in either order where English allows both. `unless` patterns drop matches
 * in sentences that say the opposite ("cover their own travel", "we can't pay speakers") or that
 * are ordinary corporate process ("in line with our travel policy"). Pattern language: see
 * text/pattern.ts or the README.
 *
 * A few text rules override the catalogue weight of their flag, each for a stated reason: a move
 * off the platform *with a reason attached* (privacy, speed, keeping work accounts out of it) is 4;
 * a contact who brings up *your* money worries is 4; a mere request for "discretion" is 3 while a
 * request to hide the contact from your employer is 5.
 *
 * The rules were tuned on the built-in corpus and measured on held-out messages they were never
 * tuned on; the README gives both sets of figures. Deep-frozen: copy it (structuredClone) to edit.
 */

// Synonym groups shared by several rules, kept as strings so that the rule set stays plain data.
const MONEY =
  '{pay|paid|paying|payment|payments|fee|fees|honorarium|honoraria|remuneration|remunerated|compensate|compensated|compensation|reward|rewarded|retainer|stipend|currency|usd|eur|gbp|dollars|euros|pounds|commission|commissioned|earn|repay|invoice|day rate|worth your while}';
const DELIVERABLE =
  '{report|reports|paper|papers|white paper|article|articles|analysis|analyses|briefing|briefings|brief|assessment|assessments|summary|study|essay|memo|memos|note|notes|insight|insights|advice|advisory|consultancy|consulting|consultation|input|perspective|views|opinion|thoughts|expertise|research|page|pages|overview|commentary|write up|piece|pieces|questionnaire|contributor|contributors|contribution|contributions|draft|drafts|numbers|estimates|outlook|forecast|knowledge}';
const TRAVEL =
  '{flight|flights|airfare|airfares|ticket|tickets|hotel|hotels|accommodation|lodging|travel|trip|trips|journey|visa|fare|fares|stay|suite|apartment|room|rooms|travel expenses|travel costs|trip expenses|conference fee|conference fees}';
const PAY_FOR_TRAVEL =
  '{cover|covered|covering|pay|paid|pays|reimburse|reimbursed|fund|funded|sponsor|sponsored|book|booked|arrange|arranged|provide|provided|take care|taken care|bear|borne|handle|handled|complimentary|included|include}';
const OFF_PLATFORM_FORBIDDEN =
  '{not approved|not permitted|not allowed|never use|do not use|dont use|banned|prohibited}';
const PRIVATE_CHANNEL =
  '{personal|private|home|own|gmail|yahoo|hotmail|outlook|proton|protonmail|icloud} ~1 {email|e mail|mail|address|inbox|account|number|phone|mobile|cell|gmail|proton|protonmail}';
const COMPROMISING =
  '{photo|photos|photograph|photographs|picture|pictures|video|videos|recording|recordings|footage|evidence|material|invoices|receipts|messages|emails|records|screenshots|copies}';
const HARDWARE =
  '{programme|program|project|system|systems|supplier|suppliers|integration|test|tests|trial|trials|contract|delivery|development|prototype|engine|engines|hardware|software|radar|aircraft|vehicle|vehicles|ship|ships|missile|missiles|satellite|satellites|sensor|sensors|reactor|plant|line|fleet}';
const LEAVING_REASON =
  '{instead|rather than|blocked|slow|slower|unreliable|quicker|faster|easier|simpler|more convenient|more reliable|privacy|private reasons|security reasons|safer|more secure|monitored|no trace}';
const ORG =
  '{consultancy|firm|company|think tank|institute|agency|fund|organisation|organization|startup|start up|foundation|network|practice|group|team|business|boutique|centre|center|lab|laboratory|institution|association|society|bureau|partnership|platform|office}';
const NEGATION = '{not|no|cannot|cant|unable|unfortunately|dont|wont|never|nor}';
const EMPLOYER =
  '{employer|employers|manager|managers|boss|company|companys|colleague|colleagues|security|hr|vetting|compliance|line manager|organisation|organisations|organization|workplace|anyone at work|anybody at work|people at work|office|department|supervisor|superiors|security officer|work}';
// "Signal" is left out of this group on purpose: engineers write "signal processing" far more often
// than they name the app, so the app is matched only after a verb of talking (see the off-platform rules).
const APPS =
  '{whatsapp|whats app|telegram|wechat|viber|threema|wickr|kakaotalk|imessage|snapchat|session app|wire app}';
// How senders speak of their own side. "What our clients need" is the sender talking about their own
// clients, "which customers does your division supply" a question about yours; "delays on our project"
// and "I have booked my flights" are the sender's own work and travel. These words are excluded from
// the gap of a pattern (`~4!${SENDER_WORDS}`), not from the whole sentence, so "which clients are our
// competitors" still counts. `we` is left out of the possessives because it often sits between an
// offer and its object in hostile text ("flights, which we will cover", "problems that we should know
// about").
const SENDER_POSSESSIVES = '{our|my|ours}';
const SENDER_WORDS = '{our|my|ours|we|weve}';
const TALK_ON_SIGNAL =
  '{talk|talked|talking|chat|chatting|message|text|add|call|continue|contact|reach|write|speak|move|switch|find|ping} ~4 {on|via|over|to} signal';

export const DEFAULT_RULES: RuleSet = {
  version: 1,
  thresholds: { medium: 4, high: 8 },

  answerRules: [
    {
      id: 'answer-unsolicited',
      questionId: 'contact-origin',
      optionIds: ['unsolicited'],
      flag: 'unsolicited-approach',
      explanation: 'They contacted you out of the blue.',
    },
    {
      id: 'answer-flattering',
      questionId: 'tone',
      optionIds: ['flattering'],
      flag: 'flattery',
      explanation: 'Their praise is warmer than your relationship justifies.',
    },
    {
      id: 'answer-offer-paid-work',
      questionId: 'offer',
      optionIds: ['paid-work'],
      flag: 'paid-reports',
      explanation: 'They offered to pay you for a report, paper, analysis, advice or consultancy.',
    },
    {
      id: 'answer-offer-travel',
      questionId: 'offer',
      optionIds: ['travel'],
      flag: 'travel-abroad',
      explanation: 'They offered you a trip or a meeting abroad.',
    },
    {
      id: 'answer-offer-gifts',
      questionId: 'offer',
      optionIds: ['gifts-money'],
      flag: 'too-good-to-be-true',
      explanation: 'They offered gifts, money or favours.',
    },
    {
      id: 'answer-generous-pay',
      questionId: 'money-travel',
      optionIds: ['generous-pay'],
      flag: 'too-good-to-be-true',
      explanation: 'The money on offer is more than the work seems to be worth.',
    },
    {
      id: 'answer-expenses-paid',
      questionId: 'money-travel',
      optionIds: ['expenses-paid', 'meeting-abroad'],
      flag: 'travel-abroad',
      explanation: 'They would pay for travel, hotels or fees, or want to meet you abroad.',
    },
    {
      id: 'answer-off-platform',
      questionId: 'off-platform',
      optionIds: ['pressed', 'suggested'],
      flag: 'move-off-platform',
      explanation: 'They asked to move the conversation to another app, a personal email address or a phone.',
    },
    {
      id: 'answer-secrecy',
      questionId: 'secrecy',
      optionIds: ['asked', 'hinted'],
      flag: 'secrecy-request',
      explanation: 'They asked, or hinted, that you should keep the contact to yourself.',
    },
    {
      id: 'answer-work-questions',
      questionId: 'work-questions',
      optionIds: ['projects', 'clearance', 'technical', 'colleagues'],
      flag: 'sensitive-topic-drift',
      explanation:
        'Their questions go beyond your career, towards your employer’s work, your access or your colleagues.',
    },
    {
      id: 'answer-profile-anomalies',
      questionId: 'profile',
      optionIds: ['few-connections', 'new-account', 'stock-photo', 'vague-history'],
      flag: 'profile-anomalies',
      explanation: 'Their profile shows signs of having been built rather than lived in.',
    },
    {
      id: 'answer-company-unverifiable',
      questionId: 'profile',
      optionIds: ['company-unverifiable'],
      flag: 'unverifiable-company',
      explanation: 'You could not verify the company they claim to work for.',
    },
    {
      id: 'answer-money-worries',
      questionId: 'pressure',
      optionIds: ['money-worries'],
      flag: 'financial-pressure',
      explanation: 'They know about, or brought up, your money worries.',
    },
    {
      id: 'answer-threats',
      questionId: 'pressure',
      optionIds: ['threats'],
      flag: 'compromise-or-threat',
      explanation: 'There have been threats or hints about embarrassing material or money you accepted.',
    },
    {
      id: 'answer-own-profile',
      questionId: 'own-profile',
      optionIds: ['clearance', 'sensitive-role'],
      flag: 'clearance-advertised',
      explanation: 'Your own public profile tells strangers about your clearance or sensitive role.',
    },
  ],

  textRules: [
    // --- unsolicited-approach ------------------------------------------------------------------
    {
      id: 'text-cold-opener',
      flag: 'unsolicited-approach',
      description:
        'A first contact from a stranger: found your profile or work, reaching out, introducing themselves.',
      patterns: [
        '{came|come|stumbled|happened|chanced} {across|upon} your {profile|page|post|posts|cv|background|work|details|name|article|articles|paper|papers|research|blog|talk|comment|comments|publication|publications}',
        '{found|saw|seen|noticed|spotted|viewed|read|reviewed|looked at|looking at|following|followed} ~2 your {profile|page|cv|background|details|linkedin|post|posts|article|articles|paper|papers|research|blog|comment|comments|publication|publications|work|career}',
        'your {profile|background|cv|experience} {caught|grabbed|attracted} ~1 {my|our} {eye|attention}',
        'your {name|details|profile} {came up|was passed|was given|was suggested}',
        '{given|passed|referred|recommended} ~2 your {name|details|contact|profile}',
        '{suggested|recommended|told me|advised me|asked me} ~3 {get in touch|contact you|reach out|write to you|message you|approach you}',
        '{wanted|want|like|decided|thought} ~3 {get in touch|contact you|reach you|write to you|connect with you|introduce}',
        '{hope|trust} ~2 {dont|do not} mind ~3 {reaching|contacting|writing|messaging|approaching|getting|connecting}',
        '{hope|trust} this {message|email|note|finds} ~2 {finds|you well}',
        '{reaching|reached} out',
        '{we|weve|you and i|youve} ~2 {not|never|havent|hasnt} ~2 met',
        '{thank|thanks} ~1 for {accepting|connecting|adding|accept|connect}',
        '{introduce|introducing} myself',
        'my name is',
        '{dear|hello|hi|greetings} {sir|madam|sir or madam|expert}',
        '{im|i am} {a|an|the} ~3 {lead|head|engineer|recruiter|headhunter|head hunter|consultant|reporter|journalist|researcher|editor|analyst|student|writer|partner|director|founder|adviser|advisor|scout|investor|representative|manager|officer|specialist|associate}',
        '{im|i am} {representing|recruiting|writing|contacting|researching|hiring|headhunting}',
        '{hi|hello|dear|greetings|hey} ~3 {im|i am} ~1 from',
        'i {work|edit|run|represent|advise|recruit|lead|head|manage|own|founded|direct|am with|am from} {for|at|with|a|an}',
        `{my|our} ~2 {${ORG.slice(1, -1)}|employer} {is a|is an|provides|specialises|specializes|helps|advises|represents|offers|serves|works with}`,
        `{we are|were|we re} {a|an} ~4 ${ORG}`,
        'greetings from',
        'on behalf of ~3 {client|clients|company|firm|organisation|organization|partner|partners|investor|investors}',
        '{a|our} mutual {acquaintance|contact|friend|connection|colleague}',
        '{noticed|saw|see} {you|that you} {lead|work|run|manage|head|are}',
      ],
    },

    // --- unverifiable-company ------------------------------------------------------------------
    {
      id: 'text-thin-company',
      flag: 'unverifiable-company',
      description:
        'The firm admits it is new, unknown, unlisted or "in stealth", protests that it is legitimate, or keeps its backers out of sight.',
      patterns: [
        '{newly|recently|only just|just|only} ~2 {established|formed|founded|registered|set up|incorporated}',
        '{quite|very|fairly|relatively|brand|still} new ~3 {company|organisation|organization|firm|consultancy|business|outfit|institute|venture|agency|fund}',
        '{company|organisation|organization|firm|consultancy|business|outfit|institute|venture|agency|fund} ~3 {quite|very|fairly|relatively|brand|still} new',
        '{dont|do not|not|no|without|havent|lack|yet to} ~3 {website|web site|web presence|online presence|public profile|registered office|track record}',
        '{not|isnt|arent|never|nowhere} ~3 {listed|registered|indexed|visible|published} ~2 {anywhere|yet|online|publicly}',
        '{website|site} ~3 {under construction|being built|being updated|coming soon}',
        '{wont|will not|cant|cannot|not|unlikely} ~3 find ~3 {much|anything|us|information|details} ~4 {online|internet|google|website|web}',
        '{wont|wouldnt|will not|probably not|probably wont|never|not} ~3 {heard of|have heard of|know of|recognise|recognize}',
        '{assure|promise|guarantee} you ~4 {legitimate|genuine|real|legit|above board|serious|trustworthy|bona fide}',
        '{stealth|stealth mode|low profile|keep a low profile|out of the public eye|prefer not to publicise|prefer not to publicize|do not advertise|dont advertise}',
        '{client|clients|backer|backers|investor|investors|sponsor|sponsors|principal|principals|funders|owners} ~4 {prefer|wish|want|wants} ~3 {remain|stay|be} ~2 {anonymous|unnamed|private|discreet|unknown|in the background}',
        '{backer|backers|investor|investors|sponsor|sponsors|principal|principals|funders|owners} ~4 {value|values|prize|prefer|like} ~2 {privacy|anonymity|discretion|secrecy}',
      ],
    },

    // --- flattery ------------------------------------------------------------------------------
    {
      id: 'text-flattery',
      flag: 'flattery',
      description:
        'Praise out of proportion: "exceptional", "exactly the person", "only you can help", "in a league of your own".',
      patterns: [
        '{outstanding|exceptional|unmatched|unrivalled|unrivaled|unparalleled|remarkable|extraordinary|distinguished|stellar|illustrious|unique|exemplary|impeccable|world class|world leading|legendary|rare|formidable|peerless|incredible|phenomenal} ~3 {background|career|profile|expertise|experience|insight|insights|knowledge|skills|skill|track record|talent|reputation|credentials|cv|mind|achievements|combination|breed|ability|abilities}',
        'your {background|career|profile|expertise|experience|insight|knowledge|skills|track record|talent|reputation|credentials|cv|work|research} ~5 {is|are|was|were} ~2 {outstanding|exceptional|unmatched|unrivalled|unrivaled|unparalleled|remarkable|extraordinary|second to none|world class|legendary|unique|peerless|phenomenal}',
        '{exactly|precisely|just} ~2 {the|what|who} ~3 {person|expert|profile|candidate|someone|individual|kind|type|calibre|caliber|experience|expertise|background|need|needs|looking}',
        'only {you|someone|a person|an expert|somebody|people} ~6 {can|could} ~3 {help|assist|understand}',
        '{highly|widely|greatly|deeply|hugely|very well|universally} {regarded|respected|admired|esteemed}',
        '{speak|speaks|spoke|spoken|talk|talks} ~2 {highly|so highly|very highly} of you',
        '{so|very|hugely|deeply|truly|extremely|most|particularly|really|incredibly} impressed {by|with} ~2 your',
        'league of {your|its|their} own',
        '{one of the|among the} {best|brightest|leading|top|foremost|finest|sharpest|smartest|ablest|most respected|most talented|most gifted|most capable|most brilliant|most knowledgeable}',
        '{best|brightest|sharpest|finest|smartest|leading|top} ~4 of your {generation|field|era|time|kind|profession}',
        '{people|someone|experts|talent|person|professionals|somebody|minds} like you {are|is} ~2 {rare|hard to find|few|scarce|in short supply}',
        '{person|someone|people|expert|candidate|professional|man|woman|somebody} of your {calibre|caliber|stature|standing|reputation|eminence}',
        '{admire|admired|admirer|fan} ~3 your {work|research|career|achievements|writing|publications|expertise}',
        'your reputation {precedes|goes before}',
        '{wasted|undervalued|underpaid|underappreciated|under appreciated|not appreciated} {where you are|in your current|at your current|there}',
        '{someone|person|people|anyone|somebody} with your {gifts|gift|talents|brilliance|genius|abilities}',
        '{heard|hear} {great|wonderful|amazing|only good|so many good|such good|fantastic|excellent} things',
      ],
    },

    // --- too-good-to-be-true -------------------------------------------------------------------
    {
      id: 'text-too-good',
      flag: 'too-good-to-be-true',
      sentences: 2,
      description:
        'Pay far above the market, generous fees for little work, gifts with "no strings attached".',
      patterns: [
        '{well|far|way|significantly|considerably|substantially|much|comfortably|double|twice|triple} {above|over|beyond|more than} ~3 {market|going|usual|normal|industry|typical|current|what you}',
        '{two|three|four|five|ten|twenty|several|many|#} times ~4 {normal|usual|market|going|standard|typical|what you|your}',
        '{generous|lucrative|handsome|substantial|exceptional|considerable|princely|very attractive|highly attractive|extremely attractive|unbeatable} ~2 {fee|fees|pay|payment|payments|honorarium|honoraria|remuneration|reward|compensation|package|sum|sums|retainer|salary|stipend|bonus|money|rate|rates|terms}',
        '{fee|fees|pay|payment|honorarium|remuneration|reward|compensation|package|retainer|stipend|rate|rates|terms} ~3 {generous|lucrative|very attractive|highly attractive|extremely attractive|exceptional|unbeatable}',
        '{pay|paid|reward|rewarded|compensate|compensated|remunerate|remunerated} ~4 {generously|handsomely|lavishly|richly|very well|extremely well}',
        '{well|richly|handsomely|generously|amply|very well|extremely well} {rewarded|paid|compensated|remunerated}',
        '{six|seven|6|7} {figure|figures}',
        '{no|without} strings',
        '{no|without} ~2 {application|interview|interviews|cv|experience|questions|test|tests|vetting|paperwork|commitment} ~3 {needed|required|necessary|asked}',
        '{only|just|merely|barely} ~3 {few|couple|one|two|handful|an|a|#} ~2 {hour|hours|minute|minutes|page|pages|day|days|word|words|afternoon|morning|evening} <~15> {pay|paid|pays|fee|earn|currency|money|retainer|honorarium|salary|stipend|rewarded}',
        '{little|minimal|light|few|very few|hardly any|barely any} ~2 {work|effort|duties|responsibilities|commitment|workload|tasks} <~15> {pay|paid|pays|fee|earn|currency|money|retainer|honorarium|salary|stipend|rewarded|figure}',
        '{minute|minutes} ~10 {earn|fee|paid|pay|honorarium|reward|rewarded}',
        '{currency|usd|eur|gbp|dollars|euros|pounds|fee|honorarium|retainer|stipend} <~20> {not take|only take|just take|wont take|no more than|take only|takes only} ~4 {weekend|afternoon|evening|morning|hour|hours|day|days|minutes}',
        '{token|sign} of ~2 {appreciation|gratitude|thanks}',
        '{easy|quick|fast} money',
        '{any|whichever} currency',
        '{paid|pay|payment} ~4 {in cash|in crypto|in cryptocurrency|in bitcoin|offshore|to any account}',
      ],
      unless: [
        `${NEGATION} ~3 {pay|paid|payment|fee|fees|honorarium|compensation|offer}`,
        '{unpaid|volunteer|volunteering|voluntary}',
      ],
    },

    // --- paid-reports --------------------------------------------------------------------------
    {
      id: 'text-paid-reports',
      flag: 'paid-reports',
      sentences: 2,
      description: 'Money for reports, papers, memos, analysis, advice, "insight", numbers or consultancy.',
      patterns: [
        `${MONEY} <~12> ${DELIVERABLE}`,
        '{retainer|retain you|consultancy fee|consulting fee|consultation fee|advisory fee|day rate|advisory role|advisory position|paid advisory|paid consultancy|paid work|paid project|consultancy arrangement|consulting arrangement|consultancy agreement|consulting agreement|consultancy contract|advisory arrangement|expert network}',
        '{paid|fee|fees|reward|rewarded|compensated|remunerated} ~3 {call|calls|consultation|consultations|session|sessions|interview|interviews}',
        '{commission|commissioning|commissioned} ~4 {report|paper|article|analysis|study|review|piece|briefing|assessment|memo|commentary}',
      ],
      unless: [
        `${NEGATION} ~3 {pay|paid|payment|fee|fees|honorarium|compensation|remuneration}`,
        '{unpaid|volunteer|volunteering|voluntary|pro bono|invoice for|subscription|speaker fee|speaking fee|entry fee|registration fee}',
      ],
    },

    // --- travel-abroad -------------------------------------------------------------------------
    {
      id: 'text-paid-travel',
      flag: 'travel-abroad',
      description: 'Flights, hotels, conference fees or trips abroad paid for you.',
      patterns: [
        // Forward with the sender's possessives excluded ("I have booked my flights" is their own trip);
        // backward without, as "the trip, which my client would fund" is an offer.
        `${PAY_FOR_TRAVEL} ~6!${SENDER_POSSESSIVES} ${TRAVEL}`,
        `${TRAVEL} ~6 ${PAY_FOR_TRAVEL}`,
        `{${TRAVEL.slice(1, -1)}|days|week|weekend|nights|holiday|break} ~8 {on us|by us|at our cost|at our expense|our treat|on the house|on the organisers|on the organizers|on the hosts|on our hosts|on my client|on our client}`,
        '{every|each|all} {expense|expenses|cost|costs} ~4 {paid|covered|met|on us|taken care|handled|included}',
        '{all|fully|full} {expense|expenses|cost|costs} {paid|covered|included|met}',
        '{fully|all|entirely} {funded|paid|sponsored|covered|expenses paid} ~3 {visit|trip|tour|stay|travel|programme|program|residency|fellowship|study|exchange}',
        '{business|first} class {flight|flights|ticket|tickets|travel|seat|seats|fare|fares|return}',
        'fly you {out|over|to|in}',
        '{host|invite|bring|welcome} you ~4 {abroad|overseas|headquarters|hq|head office}',
        'put you up',
        '{per diem|per diems|daily allowance|travel allowance|travel stipend|visa support|invitation letter|letter of invitation}',
        'waive ~3 {fee|fees|registration}',
        '{at|on} {our|my|the organisers|the organizers|the hosts|the clients|their} expense',
        '{meet|meeting|visit|invite|host|fly|join|bring} ~6 {abroad|overseas}',
      ],
      unless: [
        `${NEGATION} ~4 {cover|pay|fund|reimburse|sponsor|provide|book}`,
        'own ~2 {travel|accommodation|expense|expenses|cost|costs|flight|flights|hotel|hotels|way}',
        '{discount|discounted|cheaper|cheap|deal|deals|bargain}',
        '{travel policy|expenses policy|expense policy|our policy|travel portal|travel desk|travel team|corporate travel|expense claim|expense claims|declare|declared|declaration|hospitality register|gifts register|insurance|insured}',
      ],
    },

    // --- move-off-platform ---------------------------------------------------------------------
    {
      id: 'text-off-platform',
      flag: 'move-off-platform',
      description: 'A push to continue on a messaging app, a personal email address or a private number.',
      patterns: [
        APPS,
        TALK_ON_SIGNAL,
        'my signal {is|number|handle|id|username|name|account}',
        `${PRIVATE_CHANNEL}`,
        '{gmail|protonmail|proton mail|yahoo mail|hotmail}',
        '{off|outside|away from} ~2 {linkedin|this platform|this site|the platform|this app|this network}',
        '{rather than|instead of} ~2 {here|linkedin|this site|this platform|this app|this network}',
        '{ping|message|text|call|contact|find|add|reach} me ~2 there',
      ],
      unless: [OFF_PLATFORM_FORBIDDEN],
    },
    {
      // The catalogue: the move is "often [pressed] with a plausible reason such as convenience or
      // 'confidentiality'". A reason for leaving the platform — privacy, speed, the platform being
      // "blocked" or "slow", keeping work accounts out of it — is the stronger sign.
      id: 'text-off-platform-with-reason',
      flag: 'move-off-platform',
      weight: 4,
      sentences: 2,
      description:
        'A move off the platform with a reason attached: privacy, security, speed, or keeping work accounts out of it.',
      patterns: [
        '{more|less|very} {secure|private|discreet|safer|confidential|comfortable} {than|on|using|with} ~1 {linkedin|here|this platform|this site|email|whatsapp|telegram|threema|signal|wire|wickr}',
        `{${APPS.slice(1, -1)}|on signal|via signal|to signal|personal email|private email|personal number|private number|personal phone|personal mobile|gmail|protonmail} <~12> ${LEAVING_REASON}`,
        '{prefer|rather|better} not ~2 {use|using} ~2 {work|company|office|corporate} ~1 {account|accounts|email|address|phone|laptop|system|systems}',
        '{rather than|instead of|not} ~2 {your|the|my} {work|company|office|corporate} {address|email|account|accounts|phone|mobile|laptop|inbox}',
        '{keep|leave} ~3 {work|company|office|corporate} ~1 {account|accounts|email|systems} out of',
        '{easier|better|safer|quicker|simpler} than ~3 {corporate|company|work|office} ~1 {filters|filter|firewall|firewalls|monitoring|email|systems|it}',
        '{bypass|avoid|around|outside|past|skip} ~3 {corporate|company|work|office} ~1 {filters|filter|firewall|firewalls|monitoring|email|systems|it}',
      ],
      unless: [OFF_PLATFORM_FORBIDDEN],
    },

    // --- secrecy-request -----------------------------------------------------------------------
    {
      id: 'text-hide-the-contact',
      flag: 'secrecy-request',
      weight: 5,
      sentences: 2,
      description:
        'Asked to hide the contact: not to tell your employer, manager, colleagues or security team, to keep it "between us", or to delete the traces.',
      patterns: [
        `{not|dont|do not|no need to|never|without|avoid|better not|wouldnt|neednt|rather you didnt|lets not|let us not} ~4 {tell|telling|mention|mentioning|inform|informing|involve|involving|share|sharing|discuss|discussing|notify|disclose|report|reporting|bother|alert|raise|let|bring} ~7 ${EMPLOYER}`,
        `${EMPLOYER} ~4 {not|didnt|doesnt|dont|wouldnt|shouldnt|neednt|never|no need} ~3 {know|find out|hear|learn|be told|aware|understand}`,
        '{security|hr|compliance|employer|manager|vetting|bureaucracy|lawyers|legal} ~6 {slow|complicate|complicated|interfere|delay|overcomplicate|ruin|spoil|get in the way}',
        '{keep|kept|keeping|stay|stays|remain|remains} {this|our|that|what} ~3 {between us|between ourselves|to yourself|to ourselves|off the record|under the radar|on the quiet}',
        'between {ourselves|you and me|you and i|the two of us}',
        '{no one|nobody|noone|no body} ~3 {needs|has|have|need|ever} ~2 {know|find out|hear}',
        '{fewer|less} people ~2 know',
        '{delete|erase|remove|wipe|clear|destroy} ~3 {message|messages|conversation|conversations|chat|chats|email|emails|history|thread|threads|record|records}',
        '{no|without|leave no|leaving no} ~1 {trace|traces|paper trail|record|records}',
        '{off the books|keep mum}',
      ],
      unless: [
        '{report it|report this|report them|tell your security|tell security|if anyone|if someone|if somebody}',
      ],
    },
    {
      id: 'text-keep-it-quiet',
      flag: 'secrecy-request',
      weight: 3,
      description: 'Asked for "discretion", or to keep an opportunity confidential or quiet.',
      patterns: [
        '{keep|kept|keeping} {it|things|everything} ~2 {quiet|confidential|secret|private|discreet|hush hush|under wraps}',
        '{appreciate|value|values|require|count|rely|ask|expect|need|request} ~3 discretion',
        '{keep|treat|hold} {this|our|these} ~3 {confidential|secret|private|quiet|discreet|under wraps}',
        '{strictly|highly|completely|totally|entirely} {confidential|secret|private|discreet}',
      ],
      unless: [
        '{report it|report this|report them|tell your security|tell security|if anyone|if someone|if somebody}',
      ],
    },

    // --- sensitive-topic-drift -----------------------------------------------------------------
    {
      id: 'text-elicitation',
      flag: 'sensitive-topic-drift',
      description:
        'Questions or requests about programmes, customers, suppliers, volumes, readiness, problems, access, colleagues or technical detail.',
      patterns: [
        `{which|what|whats} ~3!${SENDER_WORDS} {programme|programmes|program|programs|project|projects|contract|contracts} ~6 {you|your|youve|youre|team|division|department|unit|group|company|employer|working|plant|site}`,
        `{who|which|what} ~4!${SENDER_WORDS} {customer|customers|client|clients|supplier|suppliers|subcontractor|subcontractors|end user|end users}`,
        `{delay|delays|problem|problems|issue|issues|trouble|troubles|difficulty|difficulties|setback|setbacks|slippage|overrun|overruns|failure|failures|fault|faults|defect|defects|went wrong|gone wrong|going wrong} <~5>!${SENDER_POSSESSIVES} ${HARDWARE}`,
        '{programme|program|project|integration|trial|trials|test|tests|testing|delivery|deliveries|development|contract} ~4 {on track|on schedule|behind schedule|behind|delayed|slipping|running late|over budget}',
        `how ~1 {is|are|s} ~4!${SENDER_POSSESSIVES} {contract|contracts|tender|bid|negotiation|negotiations|trial|trials|programme|program} ~5 going`,
        `{how many|how much|what volume|what quantity|what quantities|how often|what number} ~6!${SENDER_POSSESSIVES} {unit|units|system|systems|missile|missiles|vehicle|vehicles|aircraft|ship|ships|order|orders|deliver|delivered|produce|produced|build|built|budget|test|tests|launch|launches|plant|site|your}`,
        '{share|tell|send|give|what|how|know|picture|view|views|estimate|estimates|numbers|figures|detail|details|insight} <~8> {production|readiness|availability|stockpile|stockpiles|inventory|inventories|serviceability|capacity|output|fleet|order book|deployment|deployments} ~2 {rate|rates|level|levels|number|numbers|figure|figures|status|plan|plans|schedule|size|state}',
        '{your|the} ~2 {ministry|ministrys|department|departments|agency|agencys|government|governments|unit|units|employer|employers|company|companys|board|boards} ~3 {thinking|plans|position|positions|intentions|strategy|deliberations|internal|view|views} ~4 {about|on|regarding|towards}',
        '{which|what|send|share|copy|see|show|tell|give|forward|describe|access} ~6 {classified|restricted|secret|protectively marked|unreleased|export controlled}',
        '{describe|explain|outline|walk me through|talk me through|tell me about|sketch|detail|summarise|summarize} ~6 {encryption|architecture|scheme|algorithm|protocol|capability|capabilities|performance|specification|specifications|waveform|source code|vulnerability|vulnerabilities|weakness|weaknesses|countermeasures|security measures|design|designs|range|signature}',
        '{copy|copies} of ~4 {specification|specifications|spec|specs|drawing|drawings|design|designs|schematic|schematics|source code|test data|test results|blueprint|blueprints|manual|manuals|document|documents|plans}',
        '{parts|bits|sections|pages|version|details} ~4 {not|un} ~3 {marked|classified|restricted|sensitive}',
        '{unclassified|unrestricted|non sensitive|nonsensitive} {parts|bits|sections|version|details|pages}',
        '{who|which|what|whats|how many|how much} ~6 {access|clearance|cleared|top secret|vetted}',
        '{what|which|whats} ~3 {classification|clearance|vetting|security} {level|levels}',
        '{what|whats|how} ~4 {maximum|max|top|minimum|actual|real|achieved|effective|operational|true} ~2 {range|speed|altitude|accuracy|payload|endurance|yield|depth|power|output|resolution|sensitivity|frequency|capacity|performance}',
        '{range|speed|altitude|accuracy|payload|endurance|yield|depth|resolution|sensitivity|performance} ~6 {achieved|reached|demonstrated|measured|got} ~4 {trial|trials|test|tests|testing|firing|firings}',
        '{insight|insights|knowledge} ~3 {on|about|into|regarding|of} ~3 {programme|programmes|program|project|projects|contract|contracts|tender|tenders|bid|bids|system|systems|capabilities|procurement|plans|process}',
        'who ~2 {lead|leads|runs|heads|manages|is responsible|works on|is in charge}',
        `{what|which} ~3 {stage|status|phase|point|progress} ~6!${SENDER_POSSESSIVES} {programme|program|project|integration|development|trial|trials|test|testing|contract|system|delivery|prototype}`,
        'your ~3 {upcoming|future|next|planned|forthcoming|pending} ~2 {contract|contracts|tender|tenders|bid|bids|procurement|procurements|order|orders}',
        '{how|what|which|when|send|share|see|tell|copy|detail|details|hear|more about} ~6 {test|trial|testing|firing|acceptance} {result|results|data|schedule|schedules|report|reports|findings|dates|campaign|campaigns|programme}',
      ],
      unless: [
        '{never|not|dont|do not|avoid|must not|mustnt|shouldnt} ~2 {discuss|share|post|tell|send|disclose|mention|talk|publish}',
      ],
    },

    // --- financial-pressure --------------------------------------------------------------------
    {
      // Weight 4, above the catalogue's 3: money worries on their own are innocent, but a contact who
      // brings up *your* debts, or offers money as the way out of them, is a strong sign.
      id: 'text-money-worries',
      flag: 'financial-pressure',
      weight: 4,
      sentences: 2,
      description:
        'Your debts or money worries brought up by the contact, with money offered as the way out.',
      patterns: [
        '{clear|pay off|settle|help with|solve|get rid of|sort out|take care of|cover|wipe out} ~4 {your|those|these|the|some|all|that} ~2 {debt|debts|loan|loans|mortgage|bills|arrears|overdraft|money worries|financial difficulties|financial problems|money problems|worry|worries|fees}',
        '{struggling|struggle|struggled|trouble|troubles|behind|drowning|worried|worrying|tough|hard|difficult|tight|rough|strain|strained|stretched} ~4 {debt|debts|money|finances|financially|mortgage|bills|loans|payments|repayments|arrears}',
        '{debt|debts|money|finances|cash|things|bills} ~3 {tight|tough|short|piling up|mounting|stretched}',
        '{know|heard|hear|understand|aware|noticed|mentioned|told|imagine} ~8 {debt|debts|divorce|mortgage|bills|loans|arrears|bankruptcy|redundancy|money worries|financial difficulties|financial problems|financially|school fees|out of work|lost her job|lost his job|your job|laid off}',
        '{wife|husband|partner|spouse} ~3 {out of work|unemployed|lost her job|lost his job|laid off|redundant|ill|sick}',
        '{money|finances|cash|debts|debt|bills} ~4 {worry|worries|worried|stress|stressful|problem|problems|trouble|troubles|concern|concerns}',
        '{business|company|shop|firm} ~2 {closed|failed|went bust|went under|folded|collapsed|went bankrupt}',
        '{cover|pay|pay for|fund|take care of|settle|help with} ~5 {daughter|daughters|son|sons|children|childs|kids|family|familys|wifes|husbands|mothers|fathers|parents} ~3 {tuition|school|university|college|medical|hospital|treatment|care|operation|surgery|fees|bills|debts}',
        '{advance|lend|loan|bail out|tide you over} ~3 {you|some|a} ~3 {payment|money|sum|funds|cash}',
        '{back on your feet|fresh start|make ends meet|out of the hole|out of debt|debt free|clear your debts|solve your money problems}',
      ],
    },

    // --- compromise-or-threat ------------------------------------------------------------------
    {
      id: 'text-threat',
      flag: 'compromise-or-threat',
      sentences: 2,
      description: 'Hints that something could come out, references to money already taken, or open threats.',
      patterns: [
        '{shame|pity|unfortunate|awkward|embarrassing|bad|terrible|sad|hate} ~6 {if|were|for} ~6 {found out|find out|finds out|learned|learnt|learn|discovered|discover|knew|know|heard|hear|saw|see|came to light|got out|leaked|became public}',
        'too late ~4 {back out|pretend|change your mind|walk away|stop|turn back|say no|refuse}',
        'you {took|accepted|pocketed|spent} {the|our|my} {money|cash|payments|payment}',
        '{prefer|rather} ~4 {not|didnt|never} ~3 {see|saw|seen|know|find out|hear|learn|read}',
        `${COMPROMISING} ~8 {stay|remain|kept|keep} ~2 {private|secret|confidential|safe|hidden}`,
        `{people|wife|husband|partner|employer|boss|manager|officer|colleagues|family|press|journalists|police|security|newspaper|newspapers|company|employers} ~6 {would|might|could|will} ~5 ${COMPROMISING}`,
        '{people|wife|husband|partner|employer|boss|manager|officer|colleagues|family|press|journalists|police|security|newspaper|newspapers|company|employers} ~3 {would|might|could|will} {find|be} ~3 {interesting|interested|fascinating|illuminating|revealing|curious}',
        `{still|already} {have|hold|keep|kept|got} ~3 ${COMPROMISING}`,
        '{know|remember} what {happens|will happen|would happen|could happen|happened} ~2 {if|when|to people}',
        '{all|everything|this} ~3 {will|would|can} ~2 be {forgotten|forgiven|deleted|destroyed|erased}',
        'already ~2 {taken|accepted|received|pocketed|spent} ~3 {our|my} {money|payment|payments|cash|funds|gifts}',
        '{money|payment|payments|cash|funds|gifts} ~4 already ~2 {taken|accepted|received|pocketed} ~2 from {us|me}',
        '{we|i} {kept|have|hold|keep} ~2 {copies|records|recordings|screenshots|evidence} of ~2 {our|your|everything|every}',
        '{unwise|foolish|mistake|dangerous|regret|bad idea|consequences} ~8 {you|your} ~4 {family|career|job|wife|husband|children|kids|reputation|clearance|future}',
        '{walk away|walking away|stop cooperating|stopped cooperating|pull out|back out|refuse|refusing|let me down|let us down} ~8 {unwise|mistake|regret|consequences|sorry|foolish|happens|happen}',
        '{send|show|forward|give|leak|release|publish} ~3 {these|this|the|them|it} ~2 {photos|photographs|pictures|video|videos|recordings|messages|evidence|material|receipts} ~4 to ~3 {employer|wife|husband|partner|family|boss|manager|press|media|security|police|colleagues}',
        '{something|things|anything|this} ~4 {come|came|comes|coming} to light',
        '{you had better|youd better|for your own good|or else|i suggest you|i would advise you|i strongly advise you|think very carefully}',
        '{blackmail|blackmailed|expose you|exposing you}',
      ],
    },

    // --- clearance-advertised ------------------------------------------------------------------
    {
      id: 'text-clearance-on-profile',
      flag: 'clearance-advertised',
      description: 'The sender knows your clearance or sensitive role from your public profile.',
      patterns: ['{your|you} ~3 profile <~8> {clearance|vetted|vetting|dv|sc|top secret|ts sci}'],
    },
  ],
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
deepFreeze(DEFAULT_RULES);
