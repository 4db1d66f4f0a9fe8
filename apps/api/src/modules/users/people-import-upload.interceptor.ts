import { Injectable } from '@nestjs/common';
import { IMPORT_MAX_BYTES } from '@countersign/contracts/people-import';
import { DomainError } from '../../common/domain-error.js';
import { UploadErrorsInterceptor } from '../../common/file-upload.js';

/** The people import takes a multipart body (app.factory lets it past the JSON-only rule). */
export const PEOPLE_IMPORT_UPLOAD_PATH = /^\/people\/import\/(?:preview|apply)\/?$/;

/** A file over the limit is 413 `file_too_large`; anything else malformed a 400 naming `file`. */
@Injectable()
export class PeopleImportErrorsInterceptor extends UploadErrorsInterceptor {
  protected tooLarge() {
    const mb = IMPORT_MAX_BYTES / (1024 * 1024);
    return new DomainError(413, 'file_too_large', `The file is larger than ${mb} MB: split it.`, [
      { field: 'file', message: `must be at most ${mb} MB` },
    ]);
  }
  protected badUpload(reason: string) {
    return new DomainError(400, 'validation_failed', `The upload could not be read: ${reason}.`, [
      { field: 'file', message: reason },
    ]);
  }
}
