import { Body, Controller, HttpCode, Post, Res, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { DrydockExceptionFilter } from '../errors/drydock-exception.filter';
import { DesignValidationService } from './design-validation.service';

/** Drydock's `POST /validatedesign`: the validation status, with HTTP status = its `code`. */
@ApiTags('orchestrator designs')
@Controller('api/v1.0/validatedesign')
@UseFilters(DrydockExceptionFilter)
export class ValidateDesignController {
  constructor(private readonly validation: DesignValidationService) {}

  @Post()
  @HttpCode(200)
  async validate(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const status = await this.validation.validate(body);
    reply.status(status.code);
    return status;
  }
}
