import { Injectable } from '@nestjs/common';
import { UploadErrorsInterceptor } from '../../common/file-upload.js';
import { badMediaUpload, fileTooLarge } from './media.errors.js';

/** The image upload takes a multipart body (app.factory lets it past the JSON-only rule). */
export const MEDIA_UPLOAD_PATH = /^\/authoring\/media\/?$/;

/** A file over the limit is `file_too_large`, anything else malformed a 400 naming `file`. */
@Injectable()
export class MediaUploadErrorsInterceptor extends UploadErrorsInterceptor {
  protected tooLarge() {
    return fileTooLarge();
  }
  protected badUpload(reason: string) {
    return badMediaUpload(reason);
  }
}
