import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { pageQuerySchema, type PageQuery } from '@countersign/contracts/common';
import {
  markAllReadSchema,
  type MarkAllReadRequest,
  type MarkAllReadResult,
  type NotificationList,
  type NotificationView,
} from '@countersign/contracts/notifications';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { UuidParamPipe } from '../../common/uuid-param.pipe.js';
import { ValidatedQuery } from '../../common/validated-query.decorator.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authenticated({
    permission: 'account:self',
    summary: "The caller's notifications, newest first, with the number unread.",
  })
  mine(
    @CurrentUser() auth: AuthContext,
    @ValidatedQuery(pageQuerySchema) query: PageQuery,
  ): Promise<NotificationList> {
    return this.notifications.mine(auth.organisationId, auth.userId, query);
  }

  @Post(':notificationId/read')
  @HttpCode(200)
  @Authenticated({ permission: 'account:self', summary: 'Mark one of the caller’s notifications read.' })
  read(
    @CurrentUser() auth: AuthContext,
    @Param('notificationId', new UuidParamPipe('notificationId')) id: string,
  ): Promise<NotificationView> {
    return this.notifications.markRead(auth.organisationId, auth.userId, id);
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated({
    permission: 'account:self',
    summary:
      'Mark all of the caller’s notifications read; with `upTo`, only those created at or before it (the newest one seen).',
  })
  @ApiBody({ schema: z.toJSONSchema(markAllReadSchema) as object })
  readAll(
    @CurrentUser() auth: AuthContext,
    @Body(new ZodValidationPipe(markAllReadSchema)) body: MarkAllReadRequest,
  ): Promise<MarkAllReadResult> {
    return this.notifications.markAllRead(auth.organisationId, auth.userId, body.upTo);
  }
}
