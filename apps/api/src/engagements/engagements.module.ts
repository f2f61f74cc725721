import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module.js';
import { EngagementsController } from './engagements.controller.js';
import { EngagementsService } from './engagements.service.js';

@Module({
  imports: [ContractsModule],
  controllers: [EngagementsController],
  providers: [EngagementsService],
})
export class EngagementsModule {}
