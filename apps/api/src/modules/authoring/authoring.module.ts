import { Module } from '@nestjs/common';
import { AuthoringController } from './authoring.controller.js';
import { AuthoringService } from './authoring.service.js';

@Module({
  controllers: [AuthoringController],
  providers: [AuthoringService],
})
export class AuthoringModule {}
