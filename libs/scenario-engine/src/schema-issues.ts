import type { z } from 'zod';

/**
 * Zod's own messages ("scenario.steps[2].narrative: Too small: expected string to have >=1
 * characters") are written for programmers. Authors get the same problem in their words, twice:
 * `message` says where it is and what is wrong, for the list of problems ("Step 3 “Meet the
 * recruiter”: the narrative is empty."); `fieldMessage` is what to do, shown next to the field
 * itself ("Fill this in before publishing.").
 */
export interface DescribedIssue {
  message: string;
  fieldMessage: string;
}

/** The field a key names, as a sentence mentions it. Keys not listed are shown as they are. */
const FIELD: Record<string, string> = {
  start: 'the start step',
  steps: 'steps',
  id: 'the id',
  title: 'the title',
  narrative: 'the narrative',
  artefacts: 'artefacts',
  choices: 'choices',
  ending: 'the ending',
  outcome: 'the outcome',
  debrief: 'the debrief',
  next: 'the next step',
  feedback: 'the feedback',
  redFlags: 'the red flags',
  points: 'the points',
  position: 'the position on the canvas',
  passMark: 'the pass mark',
  shuffle: 'the shuffle setting',
  questions: 'questions',
  kind: 'the kind',
  prompt: 'the question',
  options: 'answers',
  correct: 'whether it is correct',
  explanation: 'the explanation',
  name: 'the name',
  headline: 'the headline',
  company: 'the company',
  location: 'the location',
  photoUrl: 'the photo',
  connections: 'the number of connections',
  accountAgeMonths: 'the account age',
  about: 'the “about” text',
  history: 'experience',
  role: 'the role',
  organisation: 'the organisation',
  period: 'the period',
  activity: 'posts',
  platform: 'the platform',
  participants: 'participants',
  messages: 'messages',
  from: 'the sender',
  at: 'when it was sent',
  body: 'the text',
  to: 'the recipient',
  subject: 'the subject',
  sentAt: 'when it was sent',
  event: 'the event',
  host: 'the host',
  dates: 'the dates',
  benefits: 'benefits',
};

/** A list's items, one and many: `options[1]` is "answer 2"; "add at least 2 answers". */
const ITEM: Record<string, [one: string, many: string]> = {
  steps: ['step', 'steps'],
  choices: ['choice', 'choices'],
  artefacts: ['artefact', 'artefacts'],
  questions: ['question', 'questions'],
  options: ['answer', 'answers'],
  history: ['job', 'jobs'],
  activity: ['post', 'posts'],
  participants: ['participant', 'participants'],
  messages: ['message', 'messages'],
  benefits: ['benefit', 'benefits'],
  redFlags: ['red flag', 'red flags'],
};

/** Labels that depend on what holds them: a choice's label is its text, an answer's is the answer. */
const FIELD_IN: Record<string, Record<string, string>> = {
  choice: { label: 'the text of the choice' },
  answer: { label: 'the answer text' },
};

const ARTEFACT_KIND: Record<string, string> = {
  profile: 'profile card',
  thread: 'message thread',
  email: 'email',
  invitation: 'invitation',
};

const count = (n: number) => n.toLocaleString('en-GB');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function at(value: unknown, segment: string | number | undefined): unknown {
  if (Array.isArray(value) && typeof segment === 'number') return value[segment];
  if (isRecord(value) && typeof segment === 'string') return value[segment];
  return undefined;
}

function shorten(text: string): string {
  const words = text.trim().replace(/\s+/g, ' ');
  return words.length > 40 ? `${words.slice(0, 39)}…` : words;
}

/** Where in the module a path points ("Step 3 “Intro”, choice 2") and what it names. */
function locate(input: unknown, fullPath: readonly PropertyKey[]) {
  const path = fullPath.filter((s): s is string | number => typeof s !== 'symbol');
  const places: string[] = [];
  let value = input;
  let holder = ''; // the item whose field comes next: "choice", "answer", …
  let field = '';
  let list: [string, string] | undefined; // when the path ends at a list
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const next = path[i + 1];
    value = at(value, segment);
    if (typeof segment === 'number') continue; // consumed with its list below
    if ((segment === 'scenario' || segment === 'quiz') && next === undefined) {
      field = `the ${segment}`;
      continue;
    }
    if (segment === 'scenario') continue;
    if (segment === 'quiz') {
      if (next === 'passMark' || next === 'shuffle') places.push('the quiz');
      continue;
    }
    const item = ITEM[segment];
    if (item && typeof next === 'number') {
      const element = at(value, next);
      value = element;
      i++;
      let place = `${item[0]} ${count(next + 1)}`;
      const title = at(element, 'title');
      const kind = at(element, 'kind');
      if (segment === 'steps' && typeof title === 'string' && title.trim() !== '')
        place += ` “${shorten(title)}”`;
      if (segment === 'artefacts' && typeof kind === 'string' && ARTEFACT_KIND[kind])
        place += ` (${ARTEFACT_KIND[kind]})`;
      if (i === path.length - 1) {
        field = place; // the path ends at the item itself: `activity[1]`, `artefacts[0]`
      } else {
        places.push(place);
        holder = item[0];
      }
      continue;
    }
    if (segment === 'ending' && next !== undefined) {
      places.push('the ending');
      holder = 'ending';
      continue;
    }
    field = FIELD_IN[holder]?.[segment] ?? FIELD[segment] ?? segment;
    list = ITEM[segment];
  }
  return { where: capitalise(places.join(', ')), field: field || 'the module content', list, value };
}

function described(where: string, problem: string, fieldMessage: string): DescribedIssue {
  return { message: where ? `${where}: ${problem}` : capitalise(problem), fieldMessage };
}

export function describeSchemaIssue(issue: z.core.$ZodIssue, input: unknown): DescribedIssue {
  const { where, field, list, value } = locate(input, issue.path);
  const many = list?.[1] ?? 'items';
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        return min <= 1
          ? described(where, `${field} is empty.`, 'Fill this in before publishing.')
          : described(
              where,
              `${field} needs at least ${count(min)} characters.`,
              `Needs at least ${count(min)} characters.`,
            );
      }
      if (issue.origin === 'array') {
        const noun = min === 1 && list ? list[0] : many;
        const what = min === 1 ? `at least one ${noun}` : `at least ${count(min)} ${noun}`;
        return described(where, `add ${what}.`, `Add ${what}.`);
      }
      return described(where, `${field} must be at least ${count(min)}.`, `Must be at least ${count(min)}.`);
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') {
        const now = typeof value === 'string' ? ` (it has ${count(value.trim().length)})` : '';
        return described(
          where,
          `${field} is too long: at most ${count(max)} characters${now}.`,
          `Too long: at most ${count(max)} characters${now}.`,
        );
      }
      if (issue.origin === 'array') {
        return described(
          where,
          `there can be at most ${count(max)} ${many}.`,
          `At most ${count(max)} ${many}.`,
        );
      }
      return described(where, `${field} must be at most ${count(max)}.`, `Must be at most ${count(max)}.`);
    }
    case 'invalid_format': {
      // Our own patterns carry a sentence ("must be an uploaded image …"); zod's say "Invalid …".
      const rule = /^(must|use) /.test(issue.message) ? issue.message : 'is not in the expected form';
      return described(where, `${field} ${rule}.`, `${capitalise(rule)}.`);
    }
    case 'invalid_type': {
      if (value === undefined) return described(where, `${field} is missing.`, 'This is missing.');
      const expected = { string: 'text', number: 'a number', boolean: 'yes or no', array: 'a list' }[
        issue.expected as string
      ];
      const problem = expected ? `must be ${expected}` : 'has the wrong type';
      return described(where, `${field} ${problem}.`, `${capitalise(problem)}.`);
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v)).join(', ');
      return described(where, `${field} must be one of: ${values}.`, `Must be one of: ${values}.`);
    }
    case 'invalid_union':
      return described(where, `${field} is of a kind the editor does not know.`, 'Unknown kind.');
    default:
      return described(where, `${field}: ${issue.message}`, capitalise(issue.message));
  }
}
