import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_KEY_SCHEME, ApiPageResponse } from '../common/openapi.js';
import type { Actor } from '#domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PaginationQuery, toPage, type Page } from '../common/pagination.js';
import { UuidParam } from '../common/uuid-param.js';
import { ApiKeysService } from './api-keys.service.js';
import { toApiKeyResponse, ApiKeyResponse, CreatedApiKeyResponse } from './dto/api-key.response.js';
import { CreateApiKeyDto } from './dto/create-api-key.dto.js';

@ApiTags('api-keys')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('api-keys')
@Roles('admin')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  /** The answer carries the token; it is shown this once and never stored. */
  @Post()
  @ApiOperation({ summary: 'Create an API key; its token is shown only in this answer' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  async create(@Body() dto: CreateApiKeyDto, @CurrentActor() actor: Actor): Promise<CreatedApiKeyResponse> {
    const { key, token } = await this.apiKeys.create(dto, actor);
    return { ...toApiKeyResponse(key), token };
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (never their tokens)' })
  @ApiPageResponse(ApiKeyResponse)
  async list(@Query() query: PaginationQuery): Promise<Page<ApiKeyResponse>> {
    const [keys, total] = await this.apiKeys.list(query);
    return toPage(keys, total, query, toApiKeyResponse);
  }

  /** Revokes the key: it stops working on the next request. */
  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key; it stops working at once' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @HttpCode(HttpStatus.NO_CONTENT)
  async revoke(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.apiKeys.revoke(id, actor);
  }
}
