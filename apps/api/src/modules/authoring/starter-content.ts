import type { ModuleContent } from '@countersign/scenario-engine';

/**
 * What a new module starts from: the smallest content that passes the validator, so an author
 * sees a working scenario (one decision, a safe and a compromised ending) and a quiz to extend.
 */
export function starterContent(title: string): ModuleContent {
  return {
    scenario: {
      start: 'start',
      steps: [
        {
          id: 'start',
          title,
          narrative: 'Describe the approach the learner receives, then offer the choices below.',
          artefacts: [],
          choices: [
            {
              id: 'check-first',
              label: 'Pause and check who is really asking',
              next: 'safe-ending',
              feedback: 'Good instinct: checking first costs nothing.',
              redFlags: [],
              points: 3,
            },
            {
              id: 'reply-at-once',
              label: 'Reply straight away with the details asked for',
              next: 'compromised-ending',
              feedback: 'Answering before checking gives the approach what it wanted.',
              redFlags: [],
              points: 0,
            },
          ],
          position: { x: 0, y: 0 },
        },
        {
          id: 'safe-ending',
          title: 'Safe',
          narrative: 'You checked before sharing anything.',
          artefacts: [],
          choices: [],
          ending: { outcome: 'safe', debrief: 'Explain what the learner did right.' },
          position: { x: -200, y: 200 },
        },
        {
          id: 'compromised-ending',
          title: 'Compromised',
          narrative: 'The conversation moved on without you noticing what was happening.',
          artefacts: [],
          choices: [],
          ending: { outcome: 'compromised', debrief: 'Explain which signs the learner missed.' },
          position: { x: 200, y: 200 },
        },
      ],
    },
    quiz: {
      passMark: 80,
      shuffle: true,
      questions: [
        {
          id: 'q1',
          kind: 'single',
          prompt: 'What should you do first when an unexpected approach asks about your work?',
          options: [
            { id: 'q1-a', label: 'Check who is really asking before replying', correct: true },
            { id: 'q1-b', label: 'Answer quickly so as not to seem rude', correct: false },
          ],
          explanation: 'Verifying the person and the organisation comes before sharing anything.',
          redFlags: [],
        },
      ],
    },
  };
}
