import { Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_KEY_SCHEME, ApiErrors, ApiPageResponse } from '../common/openapi.js';
import type { Actor } from '#domain';
import { CurrentActor, CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { toPage, type Page } from '../common/pagination.js';
import { UuidParam } from '../common/uuid-param.js';
import { toNotificationResponse, NotificationResponse } from './dto/notification.response.js';
import { NotificationsQuery } from './dto/notifications.query.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'List notifications and their delivery' })
  @ApiPageResponse(NotificationResponse)
  @Roles('procurement_officer', 'department_head')
  async list(
    @Query() query: NotificationsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<NotificationResponse>> {
    const [notifications, total] = await this.notifications.list(query, principal);
    return toPage(notifications, total, query, toNotificationResponse);
  }

  /** 202: the email is queued again. */
  @Post(':id/retry')
  @ApiOperation({ summary: 'Send a failed notification again' })
  @ApiAcceptedResponse({ type: NotificationResponse })
  @ApiErrors(409)
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles('procurement_officer')
  async retry(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<NotificationResponse> {
    return toNotificationResponse(await this.notifications.retry(id, actor));
  }
}
