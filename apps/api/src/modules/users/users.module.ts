import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { ProgrammeModule } from '../programme/programme.module.js';
import { DepartmentsController } from './departments.controller.js';
import { DepartmentsService } from './departments.service.js';
import { DirectoryController } from './directory.controller.js';
import { DirectoryService } from './directory.service.js';
import { PeopleImportController } from './people-import.controller.js';
import { PeopleImportService } from './people-import.service.js';
import { PeopleController } from './people.controller.js';
import { PeopleService } from './people.service.js';

@Module({
  imports: [AuditModule, AuthModule, ProgrammeModule],
  controllers: [DirectoryController, PeopleImportController, PeopleController, DepartmentsController],
  providers: [DirectoryService, PeopleService, PeopleImportService, DepartmentsService],
  exports: [DirectoryService, PeopleService, DepartmentsService],
})
export class UsersModule {}
