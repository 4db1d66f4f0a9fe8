import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TrainingService } from '../training/training.service.js';
import { Organisation } from './organisation.entity.js';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly training: TrainingService,
  ) {}

  /** Creates an organisation with the built-in curriculum published, in one transaction. */
  create(name: string, slug: string): Promise<Organisation> {
    return this.dataSource.transaction(async (tx) => {
      const organisation = await tx.save(tx.create(Organisation, { name, slug }));
      await this.training.installCurriculum(organisation.id, tx);
      return organisation;
    });
  }
}
