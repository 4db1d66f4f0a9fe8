import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  choiceRequestSchema,
  quizSubmissionSchema,
  type AttemptState,
  type ChoiceRequest,
  type ChoiceResult,
  type MyAssignment,
  type QuizSubmission,
} from '@countersign/contracts/learning';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { UuidParamPipe } from '../../common/uuid-param.pipe.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { LearningService } from './learning.service.js';

@ApiTags('learning')
@Controller('me')
export class LearningController {
  constructor(private readonly learning: LearningService) {}

  @Get('assignments')
  @Authenticated({
    permission: 'training:play',
    summary: "The caller's assigned modules with status and progress.",
  })
  assignments(@CurrentUser() auth: AuthContext): Promise<MyAssignment[]> {
    return this.learning.myAssignments(auth);
  }

  @Post('assignments/:assignmentId/attempts')
  @HttpCode(200)
  @Authenticated({
    permission: 'training:play',
    summary: 'Start the module, or resume the attempt in progress.',
  })
  start(
    @CurrentUser() auth: AuthContext,
    @Param('assignmentId', new UuidParamPipe('assignmentId')) assignmentId: string,
  ): Promise<AttemptState> {
    return this.learning.startOrResume(auth, assignmentId);
  }

  @Get('attempts/:attemptId')
  @Authenticated({ permission: 'training:play', summary: 'The state of one of the caller’s attempts.' })
  attempt(
    @CurrentUser() auth: AuthContext,
    @Param('attemptId', new UuidParamPipe('attemptId')) attemptId: string,
  ): Promise<AttemptState> {
    return this.learning.get(auth, attemptId);
  }

  @Post('attempts/:attemptId/choices')
  @HttpCode(200)
  @Authenticated({
    permission: 'training:play',
    summary:
      'Make a choice at the current step (idempotent per `seq`). Answers with the feedback and what comes next; the whole attempt stays at GET.',
  })
  @ApiBody({ schema: z.toJSONSchema(choiceRequestSchema) as object })
  choose(
    @CurrentUser() auth: AuthContext,
    @Param('attemptId', new UuidParamPipe('attemptId')) attemptId: string,
    @Body(new ZodValidationPipe(choiceRequestSchema)) body: ChoiceRequest,
  ): Promise<ChoiceResult> {
    return this.learning.choose(auth, attemptId, body);
  }

  @Post('attempts/:attemptId/debrief-review')
  @HttpCode(200)
  @Authenticated({
    permission: 'training:play',
    summary:
      'The learner opened the scenario’s ending and debrief again; recorded when the module asks for it before a quiz retry. Answers the attempt.',
  })
  reviewDebrief(
    @CurrentUser() auth: AuthContext,
    @Param('attemptId', new UuidParamPipe('attemptId')) attemptId: string,
  ): Promise<AttemptState> {
    return this.learning.reviewDebrief(auth, attemptId);
  }

  @Post('attempts/:attemptId/quiz')
  @HttpCode(200)
  @Authenticated({
    permission: 'training:play',
    summary:
      'Submit answers for a quiz round (idempotent per `round`). A retry the module’s retry policy does not allow yet is refused: 429 `quiz_cooldown` (details: opensAt, retryAfterSeconds) or 409 `debrief_review_required`.',
  })
  @ApiBody({ schema: z.toJSONSchema(quizSubmissionSchema) as object })
  submitQuiz(
    @CurrentUser() auth: AuthContext,
    @Param('attemptId', new UuidParamPipe('attemptId')) attemptId: string,
    @Body(new ZodValidationPipe(quizSubmissionSchema)) body: QuizSubmission,
  ): Promise<AttemptState> {
    return this.learning.submitQuiz(auth, attemptId, body);
  }
}
